package com.workos.mcpdocs;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When the server last began serving a request, and a wait for a quiet time after it: background work (the search
 * warm-up, listing the pages as resources) runs in the gaps between a client's requests, not alongside them, which on
 * two cores would slow both.
 */
public final class IdleTime {

    /**
     * How long no request must have come: longer than the gaps between the requests of a client at work (a model's
     * calls, a benchmark's), shorter than a person's first question.
     */
    public static final long QUIET_NANOS = 300_000_000L;

    /** Sleeps for a number of nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long quietNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private volatile long last;

    /** A quiet time of {@link #QUIET_NANOS}, counted from now until a request comes. */
    public IdleTime() {
        this(QUIET_NANOS, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /** @param clock a monotonic clock in nanoseconds, which {@code sleeper} advances */
    IdleTime(long quietNanos, LongSupplier clock, Sleeper sleeper) {
        this.quietNanos = quietNanos;
        this.clock = clock;
        this.sleeper = sleeper;
        this.last = clock.getAsLong();
    }

    /** A request begins now (or, from the server itself, the quiet time is to count from now). */
    public void touch() {
        last = clock.getAsLong();
    }

    /**
     * Waits until no request has begun for the quiet time (counted from creation before any request).
     *
     * @return true once it is quiet; false when the thread was interrupted (its flag set again)
     */
    public boolean awaitQuiet() {
        while (true) {
            long wait = last + quietNanos - clock.getAsLong();
            if (wait <= 0) {
                return true;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
