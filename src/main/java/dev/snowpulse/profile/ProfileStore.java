package dev.snowpulse.profile;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's saved profiles, in profiles.json. Thread-safe; every change is written through at once.
 * A file that cannot be parsed, or comes from a newer SnowPulse, is moved aside and reported, never overwritten.
 */
public final class ProfileStore {

    private final Path file;
    private final Clock clock;
    private final Map<String, ConnectionProfile> profiles = new LinkedHashMap<>();
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

    private void load() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            setAside("cannot read it: " + e.getClass().getSimpleName());
            return;
        }
        try {
            ProfilesDocument document = JsonFiles.mapper().readValue(content, ProfilesDocument.class);
            if (document.formatVersion() > ProfilesDocument.CURRENT_FORMAT) {
                setAside("it was written by a newer SnowPulse (format " + document.formatVersion() + ")");
                return;
            }
            document.profiles().forEach(p -> profiles.put(p.name(), p));
        } catch (JsonProcessingException e) {
            setAside(describe(e));
        } catch (IOException e) {
            setAside("cannot read it: " + e.getClass().getSimpleName());
        }
    }

    /** Jackson's messages can quote file content; keep only the location and the first clause. */
    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        String first = original == null ? "invalid JSON" : original.split("[\\n(:]", 2)[0].strip();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return "line " + e.getLocation().getLineNr() + ": " + first;
        }
        return first;
    }

    private void setAside(String reason) {
        Path movedTo = null;
        try {
            movedTo = JsonFiles.moveAside(file, clock);
        } catch (IOException ignored) {
            // stays read-only below: the problem says so
        }
        problem = new StoreProblem(file, movedTo, reason);
    }

    public synchronized Optional<StoreProblem> problem() {
        return Optional.ofNullable(problem);
    }

    public synchronized List<ConnectionProfile> list() {
        return List.copyOf(profiles.values());
    }

    public synchronized Optional<ConnectionProfile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** Adds or replaces a profile; {@code previousName} renames one (null for a new profile). */
    public synchronized void save(String previousName, ConnectionProfile profile) throws IOException {
        if (!profile.name().equals(previousName) && profiles.containsKey(profile.name())) {
            throw new IllegalArgumentException("name: a profile called '" + profile.name() + "' exists already");
        }
        Map<String, ConnectionProfile> next = new LinkedHashMap<>();
        boolean placed = false;
        for (var entry : profiles.entrySet()) {
            if (entry.getKey().equals(previousName)) {
                next.put(profile.name(), profile);
                placed = true;
            } else {
                next.put(entry.getKey(), entry.getValue());
            }
        }
        if (!placed) {
            next.put(profile.name(), profile);
        }
        writeThrough(next);
    }

    public synchronized boolean remove(String name) throws IOException {
        if (!profiles.containsKey(name)) {
            return false;
        }
        Map<String, ConnectionProfile> next = new LinkedHashMap<>(profiles);
        next.remove(name);
        writeThrough(next);
        return true;
    }

    private void writeThrough(Map<String, ConnectionProfile> next) throws IOException {
        if (problem != null && problem.readOnly()) {
            throw new IOException(problem.message());
        }
        JsonFiles.writeAtomically(file, ProfilesDocument.of(new ArrayList<>(next.values())));
        profiles.clear();
        profiles.putAll(next);
    }
}
