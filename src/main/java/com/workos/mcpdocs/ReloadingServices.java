package com.workos.mcpdocs;

import com.workos.mcpdocs.service.Services;
import com.workos.mcpdocs.source.DataDirectory;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of a long-running server (HTTP) that picks up a new {@code sync} without a restart. Each call only
 * looks at the {@code current} pointer's file attributes; when they changed, the new corpus is loaded once and
 * swapped in atomically, so a request sees either the old services or the new ones, never a mix. A corpus that
 * fails to load leaves the old services serving.
 */
public final class ReloadingServices implements Supplier<Services> {

    private static final Logger log = LoggerFactory.getLogger(ReloadingServices.class);

    private final DataDirectory data;
    private final Function<DataDirectory, Optional<Services>> loader;
    private final AtomicReference<Services> current;
    private volatile Object stamp;

    /**
     * @param first  the services to start with (what {@code current} named at start, or the embedded corpus)
     * @param loader loads the data directory's current corpus
     */
    public ReloadingServices(DataDirectory data, Services first, Function<DataDirectory, Optional<Services>> loader) {
        this.data = data;
        this.loader = loader;
        this.current = new AtomicReference<>(first);
        this.stamp = data.currentStamp();
    }

    @Override
    public Services get() {
        Object now = data.currentStamp();
        if (!Objects.equals(now, stamp)) {
            reload(now);
        }
        return current.get();
    }

    private synchronized void reload(Object now) {
        if (Objects.equals(now, stamp)) {
            return; // another request already reloaded
        }
        Optional<Services> fresh = loader.apply(data);
        if (fresh.isPresent()) {
            current.set(fresh.get());
            log.info("Switched to {}", fresh.get().corpus().info().describe());
        }
        // Remember the stamp either way: a broken corpus is not retried on every request, only after the next sync.
        stamp = now;
    }
}
