package com.workos.mcpdocs.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of POSIX tar streams (ustar, with pax {@code path} records and GNU long names), enough
 * for npm package tarballs. Entry content is read fully into memory: the corpus is a few megabytes.
 */
final class TarReader implements Closeable {

    private static final int BLOCK = 512;
    /** Larger entries than this are refused: nothing in a docs package comes close. */
    private static final long MAX_ENTRY = 64L * 1024 * 1024;

    record Entry(String name, char type, byte[] content) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    private final InputStream in;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or {@code null} at the end of the archive. */
    Entry next() throws IOException {
        String longName = null;
        while (true) {
            byte[] header = readBlock();
            if (header == null || isZero(header)) {
                return null;
            }
            String name = string(header, 0, 100);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String magic = string(header, 257, 6);
            if (magic.startsWith("ustar")) {
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            if (size < 0 || size > MAX_ENTRY) {
                throw new IOException("tar entry too large or corrupt: " + name);
            }
            byte[] content = readContent(size);
            switch (type) {
                case 'x' -> longName = paxPath(content, longName);
                case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                case 'g' -> { /* global pax header: nothing we need */ }
                default -> {
                    return new Entry(longName != null ? longName : name, type, content);
                }
            }
        }
    }

    private byte[] readContent(long size) throws IOException {
        byte[] content = in.readNBytes((int) size);
        if (content.length != size) {
            throw new IOException("truncated tar archive");
        }
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(padding);
        return content;
    }

    private byte[] readBlock() throws IOException {
        byte[] block = in.readNBytes(BLOCK);
        if (block.length == 0) {
            return null;
        }
        if (block.length != BLOCK) {
            throw new IOException("truncated tar header");
        }
        return block;
    }

    private static String paxPath(byte[] content, String current) {
        // Records are "<len> key=value\n".
        String text = new String(content, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            int equals = record.indexOf('=');
            if (space > 0 && equals > space && record.substring(space + 1, equals).equals("path")) {
                return record.substring(equals + 1);
            }
        }
        return current;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] block, int offset, int length) {
        String text = string(block, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
