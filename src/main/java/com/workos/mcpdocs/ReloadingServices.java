package com.workos.mcpdocs;

import com.workos.mcpdocs.library.DataDirectory;
import com.workos.mcpdocs.service.Services;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of a long-running server that picks up a new {@code sync} without a restart. At most once per
 * {@link #CHECK_EVERY_NANOS check interval}, a call looks at the {@code current} pointer's file attributes; when they
 * changed, the new corpus is loaded once and swapped in atomically, so a request sees either the old services or the
 * new ones, never a mix. A corpus that fails to load leaves the old services serving.
 */
public final class ReloadingServices implements Supplier<Services> {

    private static final Logger log = LoggerFactory.getLogger(ReloadingServices.class);

    private final DataDirectory data;
    private final Function<DataDirectory, Optional<Services>> loader;
    private final AtomicReference<Services> current;
    private volatile Object stamp;
    private final LongSupplier clock;
    private final long checkEvery;
    /** When the pointer is next looked at ({@link #clock} time). */
    private volatile long nextCheck;

    /**
     * A sync is a rare event, paced by a person or a scheduler, while a look at the pointer is a file system call on
     * every tool call (and an exception inside the JDK when no sync ever ran): once a second is soon enough.
     */
    public static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    /**
     * @param first  the services to start with (what {@code current} named at start, or the embedded corpus)
     * @param loader loads the data directory's current corpus
     */
    public ReloadingServices(DataDirectory data, Services first, Function<DataDirectory, Optional<Services>> loader) {
        this(data, first, loader, System::nanoTime, CHECK_EVERY_NANOS);
    }

    /**
     * @param clock      a monotonic clock in nanoseconds
     * @param checkEvery the least time between two looks at the pointer, in the clock's nanoseconds (0: every call)
     */
    ReloadingServices(DataDirectory data, Services first, Function<DataDirectory, Optional<Services>> loader,
                      LongSupplier clock, long checkEvery) {
        this.data = data;
        this.loader = loader;
        this.current = new AtomicReference<>(first);
        this.clock = clock;
        this.checkEvery = checkEvery;
        this.stamp = data.currentStamp();
        this.nextCheck = clock.getAsLong() + checkEvery;
    }

    @Override
    public Services get() {
        long time = clock.getAsLong();
        if (time - nextCheck >= 0) {
            nextCheck = time + checkEvery;
            Object now = data.currentStamp();
            if (!Objects.equals(now, stamp)) {
                reload(now);
            }
        }
        return current.get();
    }

    private static boolean isSameCorpus(Services a, Services b) {
        return !a.corpus().contentId().isEmpty() && a.corpus().contentId().equals(b.corpus().contentId())
                && a.corpus().info().equals(b.corpus().info());
    }

    private synchronized void reload(Object now) {
        if (Objects.equals(now, stamp)) {
            return; // another request already reloaded
        }
        Optional<Services> fresh = loader.apply(data);
        if (fresh.isPresent() && isSameCorpus(fresh.get(), current.get())) {
            // The new pointer could not be served and the loader fell back to the corpus served already.
            log.info("Still serving {}", current.get().corpus().info().describe());
        } else if (fresh.isPresent()) {
            current.set(fresh.get());
            log.info("Switched to {}", fresh.get().corpus().info().describe());
        }
        // Remember the stamp either way: a broken corpus is not retried on every request, only after the next sync.
        stamp = now;
    }
}
