package com.workos.mcpdocs;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When the server last began serving a request, and a wait for a quiet time after it: background work (the search
 * warm-up) runs in the gaps between a client's requests, not alongside them, which on two cores would slow both.
 */
final class IdleTime {

    /** Sleeps for a number of nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long quietNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private volatile long last;

    /** @param quietNanos how long no request must have come before {@link #awaitQuiet} returns */
    IdleTime(long quietNanos) {
        this(quietNanos, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /** @param clock a monotonic clock in nanoseconds, which {@code sleeper} advances */
    IdleTime(long quietNanos, LongSupplier clock, Sleeper sleeper) {
        this.quietNanos = quietNanos;
        this.clock = clock;
        this.sleeper = sleeper;
        this.last = clock.getAsLong();
    }

    /** A request begins now. */
    void touch() {
        last = clock.getAsLong();
    }

    /**
     * Waits until no request has begun for the quiet time (counted from creation before any request).
     *
     * @return true once it is quiet; false when the thread was interrupted (its flag set again)
     */
    boolean awaitQuiet() {
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
