package com.workos.mcpdocs.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed one-minute window per client address. Coarse, but cheap and enough to keep one noisy client from
 * starving the others; a deployment behind a load balancer would rate-limit there instead.
 */
final class RateLimiter {

    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int perWindow;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int perWindow) {
        this.perWindow = perWindow;
    }

    boolean tryAcquire(String client) {
        long now = System.nanoTime();
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            // Many spoofed-looking clients: forget expired windows instead of growing without bound.
            windows.values().removeIf(w -> now - w.start > WINDOW_NANOS);
        }
        Window window = windows.compute(client, (k, w) -> w == null || now - w.start > WINDOW_NANOS
                ? new Window(now) : w);
        return window.count.incrementAndGet() <= perWindow;
    }

    private static final class Window {
        final long start;
        final AtomicInteger count = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }
}
