package com.workos.mcpdocs.source;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much one source of content (a folder, a monorepo checkout, a tarball, a stored corpus) may yield, and the
 * files it skipped with the reason. The WorkOS corpus is 549 files and 3 MB, its largest file 37 KB; the limits
 * leave it room to grow tenfold and more while keeping a hostile source from filling the heap: a file larger than
 * {@value #MAX_FILE_BYTES} bytes, or one that would take the total past {@value #MAX_TOTAL_BYTES} bytes or the
 * count past {@value #MAX_FILES} files, is skipped and named, and the rest is served.
 */
public final class ContentBudget {

    /** Largest file: 1 MiB. */
    public static final long MAX_FILE_BYTES = 1L << 20;
    /** Largest total of all files kept: 32 MiB. */
    public static final long MAX_TOTAL_BYTES = 32L << 20;
    /** Most files kept. */
    public static final int MAX_FILES = 20_000;

    private long total;
    private int files;
    private final Map<String, String> skipped = new TreeMap<>();

    /**
     * Whether a file of {@code size} bytes fits; when it does not, it is recorded as skipped.
     */
    public boolean admit(String name, long size) {
        if (size > MAX_FILE_BYTES) {
            skip(name, "larger than " + mib(MAX_FILE_BYTES) + " (" + size + " bytes), the most a content file may "
                    + "have");
            return false;
        }
        if (files >= MAX_FILES) {
            skip(name, "beyond the " + MAX_FILES + " files a content source may have");
            return false;
        }
        if (total + size > MAX_TOTAL_BYTES) {
            skip(name, "beyond the " + mib(MAX_TOTAL_BYTES) + " a content source may have in all");
            return false;
        }
        files++;
        total += size;
        return true;
    }

    /** Records a file that is not read, and why. */
    public void skip(String name, String reason) {
        skipped.put(name, reason);
    }

    /** Files skipped so far: name to reason. */
    public Map<String, String> skipped() {
        return Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
