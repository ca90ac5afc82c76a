package com.workos.mcpdocs.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of POSIX tar streams (ustar, with pax {@code path} records and GNU long names), enough
 * for npm package tarballs. An entry's content is read only when asked for ({@link #content}); otherwise it is
 * skipped, so entries nobody wants cost no memory. The whole stream is read at most {@value #MAX_STREAM_BYTES}
 * bytes far and {@value #MAX_ENTRIES} entries long: a small compressed "bomb" that unpacks to gigabytes stops
 * there with an error instead of running the JVM out of memory or time.
 */
final class TarReader implements Closeable {

    private static final int BLOCK = 512;
    /** The most bytes read from the unpacked stream: the docs package unpacks to 4 MB. */
    static final long MAX_STREAM_BYTES = 256L << 20;
    /** The most entries: the docs package has about 600. */
    static final int MAX_ENTRIES = 100_000;
    /** Pax and GNU long-name records larger than this are not names. */
    private static final int MAX_HEADER_RECORD = 64 * 1024;

    record Entry(String name, char type, long size) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    private final InputStream in;
    private long read;
    private int entries;
    /** Content of the entry last returned still unread, and the padding after it. */
    private long pending;
    private long pendingPadding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or {@code null} at the end of the archive. Unread content of the last one is skipped. */
    Entry next() throws IOException {
        skipPending();
        String longName = null;
        while (true) {
            byte[] header = readBlock();
            if (header == null || isZero(header)) {
                return null;
            }
            if (++entries > MAX_ENTRIES) {
                throw new IOException("the tarball has more than " + MAX_ENTRIES + " entries; it is not a docs "
                        + "package");
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
            if (size < 0 || size > MAX_STREAM_BYTES) {
                throw new IOException("tar entry too large or corrupt: " + name);
            }
            switch (type) {
                case 'x' -> longName = paxPath(headerRecord(size, name), longName);
                case 'L' -> longName = new String(headerRecord(size, name), StandardCharsets.UTF_8)
                        .replace("\0", "");
                case 'g' -> skip(size);
                default -> {
                    pending = size;
                    pendingPadding = padding(size);
                    return new Entry(longName != null ? longName : name, type, size);
                }
            }
        }
    }

    /** The content of the entry {@link #next} returned last (at most once). */
    byte[] content() throws IOException {
        byte[] content = readExactly(pending);
        pending = 0;
        skipExactly(pendingPadding);
        pendingPadding = 0;
        return content;
    }

    private byte[] headerRecord(long size, String name) throws IOException {
        if (size > MAX_HEADER_RECORD) {
            throw new IOException("tar header record too large: " + name);
        }
        byte[] content = readExactly(size);
        skipExactly(padding(size));
        return content;
    }

    private void skip(long size) throws IOException {
        skipExactly(size);
        skipExactly(padding(size));
    }

    private void skipPending() throws IOException {
        skipExactly(pending + pendingPadding);
        pending = 0;
        pendingPadding = 0;
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private byte[] readExactly(long size) throws IOException {
        count(size);
        byte[] content = in.readNBytes((int) size);
        if (content.length != size) {
            throw new IOException("truncated tar archive");
        }
        return content;
    }

    private void skipExactly(long size) throws IOException {
        count(size);
        try {
            in.skipNBytes(size);
        } catch (java.io.EOFException e) {
            throw new IOException("truncated tar archive");
        }
    }

    private void count(long bytes) throws IOException {
        read += bytes;
        if (read > MAX_STREAM_BYTES) {
            throw new IOException("the tarball unpacks to more than " + (MAX_STREAM_BYTES >> 20) + " MiB; it is not "
                    + "a docs package");
        }
    }

    private byte[] readBlock() throws IOException {
        count(BLOCK);
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
