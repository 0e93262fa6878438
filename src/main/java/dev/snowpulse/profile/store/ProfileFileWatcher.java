package dev.snowpulse.profile.store;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices when profiles.json changes outside the app (a CLI run, another window, an editor) and has the store read
 * it again. The OS's file events wake it at once; it also checks every {@code interval}, so a missed event, a
 * network file system or a directory created later still lead to the change being seen.
 */
public final class ProfileFileWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProfileFileWatcher.class.getName());

    private final ProfileStore store;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean closed;
    private WatchService events;

    private ProfileFileWatcher(ProfileStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name("profiles-watcher").unstarted(this::watch);
    }

    public static ProfileFileWatcher start(ProfileStore store, Duration interval) {
        ProfileFileWatcher watcher = new ProfileFileWatcher(store, interval);
        watcher.thread.start();
        return watcher;
    }

    private void watch() {
        while (!closed) {
            try {
                waitForChange();
                store.reloadIfChanged();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "checking " + store.file() + " for changes failed", e);
            }
        }
    }

    private void waitForChange() throws InterruptedException {
        if (events == null) {
            events = register(store.file().toAbsolutePath().getParent());
        }
        if (events == null) {
            Thread.sleep(interval);
            return;
        }
        var key = events.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
            key.pollEvents();
            if (!key.reset()) {
                closeEvents();
            }
        }
    }

    private static WatchService register(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private void closeEvents() {
        try {
            if (events != null) {
                events.close();
            }
        } catch (IOException ignored) {
            // nothing held any more
        }
        events = null;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        closeEvents();
    }
}
