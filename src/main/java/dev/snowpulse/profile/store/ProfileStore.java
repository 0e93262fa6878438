package dev.snowpulse.profile.store;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.JsonFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The user's saved profiles, in profiles.json, which the desktop app, any number of CLI runs and the user's editor
 * share. Every change takes the file's lock, reads the file as it is now, changes only the profile it names and
 * writes the file back atomically, so a change made meanwhile by another process is never lost. Fields and entries
 * this version does not know are written back as they were. {@link #reloadIfChanged()} picks up changes made outside
 * (see {@link ProfileFileWatcher}); listeners hear of them.
 *
 * <p>A file that cannot be parsed when the store opens is moved aside and reported, never overwritten. A file that
 * is not a regular file, is too large, or comes from a newer SnowPulse is left as it is, and the store refuses to
 * write until it is fixed.
 */
public final class ProfileStore {

    /** An edit based on a version of a profile that another process has changed or removed since. */
    public static final class ChangedElsewhere extends IllegalStateException {
        private final ConnectionProfile current;

        ChangedElsewhere(String message, ConnectionProfile current) {
            super(message);
            this.current = current;
        }

        /** The profile as saved now; empty when it was removed. */
        public Optional<ConnectionProfile> current() {
            return Optional.ofNullable(current);
        }
    }

    private final Path file;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ProfileFile.Contents contents = ProfileFile.Contents.empty();
    private StoreProblem problem;

    private ProfileStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public static ProfileStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static ProfileStore open(Path file, Clock clock) {
        ProfileStore store = new ProfileStore(file, clock);
        store.load();
        return store;
    }

    public Path file() {
        return file;
    }

    private synchronized void load() {
        try {
            contents = ProfileFile.read(file);
        } catch (ProfileFile.Unusable e) {
            problem = e.movable() ? setAside(e.getMessage()) : new StoreProblem(file, null, e.getMessage());
        }
    }

    private StoreProblem setAside(String reason) {
        try {
            return new StoreProblem(file, JsonFiles.moveAside(file, clock), reason);
        } catch (IOException ignored) {
            return new StoreProblem(file, null, reason);
        }
    }

    /**
     * Reads the file again if it changed since this store last read or wrote it, and tells the listeners.
     * A file that became unreadable (an edit half done) is reported; the profiles read before stay.
     */
    public boolean reloadIfChanged() {
        synchronized (this) {
            if (ProfileFile.stamp(file).equals(contents.stamp())) {
                return false;
            }
            try {
                ProfileFile.Contents read = ProfileFile.read(file);
                boolean changed = !read.profiles().equals(contents.profiles()) || !read.duplicates().equals(contents.duplicates());
                contents = read;
                if (problem != null && problem.movedTo() == null) {
                    problem = null;
                    changed = true;
                }
                if (!changed) {
                    return false;
                }
            } catch (ProfileFile.Unusable e) {
                StoreProblem now = new StoreProblem(file, null, e.getMessage());
                if (now.equals(problem)) {
                    return false;
                }
                problem = now;
            }
        }
        listeners.forEach(Runnable::run);
        return true;
    }

    /** Called, on the thread that noticed, after the file changed outside this store. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public synchronized Optional<StoreProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /** Profiles the file listed under a name an earlier one had, and the name each is listed under now. */
    public synchronized List<String> duplicateNames() {
        return contents.duplicates();
    }

    /** What to tell the user about duplicated names, if anything. */
    public synchronized Optional<String> duplicatesNotice() {
        if (contents.duplicates().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(file.getFileName() + " names a profile twice: '" + String.join("'; '", contents.duplicates())
                + "'. Both are kept; rename or remove the one you do not want.");
    }

    public synchronized List<ConnectionProfile> list() {
        return contents.profiles().stream().map(StoredProfile::profile).toList();
    }

    public synchronized Optional<ConnectionProfile> find(String name) {
        return Optional.ofNullable(contents.find(name)).map(StoredProfile::profile);
    }

    /** Adds or replaces a profile; {@code previousName} renames one (null for a new profile). */
    public void save(String previousName, ConnectionProfile profile) throws IOException {
        write(current -> put(current, previousName, profile));
    }

    /**
     * Saves an edit of {@code base}, the profile as the editor loaded it (null for a new profile), and refuses when
     * another process changed or removed it since: the user decides, seeing the saved version.
     */
    public void saveEdit(ConnectionProfile base, ConnectionProfile edited) throws IOException {
        write(current -> {
            if (base != null) {
                StoredProfile saved = current.find(base.name());
                if (saved == null) {
                    throw new ChangedElsewhere("'" + base.name() + "' was removed outside this window (by the CLI or another "
                            + "SnowPulse) since you opened it. Save again to add it back.", null);
                }
                if (!saved.profile().equals(base)) {
                    throw new ChangedElsewhere("'" + base.name() + "' was changed outside this window (by the CLI or another "
                            + "SnowPulse) since you opened it. Revert shows the saved version; Save again keeps yours.", saved.profile());
                }
            }
            return put(current, base == null ? null : base.name(), edited);
        });
    }

    public boolean remove(String name) throws IOException {
        boolean[] removed = {false};
        write(current -> {
            List<ObjectNode> next = new ArrayList<>();
            for (StoredProfile stored : current.profiles()) {
                if (stored.name().equals(name)) {
                    removed[0] = true;
                } else {
                    next.add(stored.jsonFor(stored.profile()));
                }
            }
            return next;
        });
        return removed[0];
    }

    private static List<ObjectNode> put(ProfileFile.Contents current, String previousName, ConnectionProfile profile) {
        if (!profile.name().equals(previousName) && current.find(profile.name()) != null) {
            throw new IllegalArgumentException("name: a profile called '" + profile.name() + "' exists already");
        }
        List<ObjectNode> next = new ArrayList<>();
        boolean placed = false;
        for (StoredProfile stored : current.profiles()) {
            if (stored.name().equals(previousName)) {
                next.add(stored.jsonFor(profile));
                placed = true;
            } else {
                next.add(stored.jsonFor(stored.profile()));
            }
        }
        if (!placed) {
            next.add(JsonFiles.mapper().valueToTree(profile));
        }
        return next;
    }

    /** A file that could neither be read nor moved aside stays untouched, whether or not a lock could be taken beside it. */
    private void refuseWhileUnusable() throws IOException {
        StoreProblem known;
        synchronized (this) {
            known = problem;
        }
        if (known == null || !known.readOnly()) {
            return;
        }
        try {
            ProfileFile.read(file);
        } catch (ProfileFile.Unusable e) {
            throw new IOException(known.message());
        }
    }

    @FunctionalInterface
    private interface Change {
        List<ObjectNode> apply(ProfileFile.Contents current) throws IOException;
    }

    /** Under the file's lock: read it as it is now, change it, write it, and remember what was written. */
    private void write(Change change) throws IOException {
        refuseWhileUnusable();
        ProfileFileLock.holding(file, () -> {
            synchronized (this) {
                ProfileFile.Contents current;
                try {
                    current = ProfileFile.read(file);
                } catch (ProfileFile.Unusable e) {
                    problem = new StoreProblem(file, null, e.getMessage());
                    throw new IOException(problem.message());
                }
                if (problem != null && problem.readOnly()) {
                    problem = null; // readable again
                }
                List<ObjectNode> next;
                try {
                    next = change.apply(current);
                } catch (ChangedElsewhere e) {
                    contents = current; // the caller shows what is saved now
                    throw e;
                }
                ObjectNode document = ProfileFile.document(current, next);
                JsonFiles.writeAtomically(ProfileFile.writeTarget(file), JsonFiles.mapper().writeValueAsBytes(document));
                try {
                    contents = ProfileFile.read(file);
                } catch (ProfileFile.Unusable e) {
                    throw new IOException("wrote " + file + " but cannot read it back: " + e.getMessage());
                }
                return null;
            }
        });
    }
}
