package com.workos.mcpdocs.source;

import java.io.PrintStream;

/**
 * Where a sync reports its steps. On a terminal it draws a progress bar on stderr; otherwise it stays silent, so
 * logs and scripts see only the final summary.
 */
public interface SyncProgress {

    /** Called as each step starts; {@code step} counts from 1 to {@code of}. */
    void step(int step, int of, String what);

    /** Reports nothing. */
    SyncProgress NONE = (step, of, what) -> { };

    /** A bar on {@code err} when the process has a terminal, else {@link #NONE}. */
    static SyncProgress forConsole(PrintStream err) {
        if (System.console() == null) {
            return NONE;
        }
        return new SyncProgress() {
            private static final int WIDTH = 24;

            @Override
            public void step(int step, int of, String what) {
                int filled = WIDTH * (step - 1) / of;
                String line = "\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + step + "/" + of + " "
                        + what;
                err.print(String.format("%-78s", line));
                if (step == of) {
                    err.print("\r" + " ".repeat(78) + "\r");
                }
                err.flush();
            }
        };
    }
}
