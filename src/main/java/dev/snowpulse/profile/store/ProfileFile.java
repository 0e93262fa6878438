package dev.snowpulse.profile.store;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.JsonFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * profiles.json as it is on disk. It is read only when it is a regular file (a link to one is followed) of at most
 * {@link #MAX_BYTES}: a device, a pipe or a huge file is reported, never read. Its JSON is kept whole, so a save
 * writes back the fields and top-level entries this version does not know.
 */
final class ProfileFile {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** What tells a changed file from an unchanged one without reading it. */
    record Stamp(FileTime modified, long size, Object key) {
        static final Stamp ABSENT = new Stamp(FileTime.fromMillis(0), -1, null);
    }

    /**
     * The file's content. {@code duplicates} names the profiles that shared a name with an earlier one: each is kept
     * under a name of its own ("orders (2)") until the user renames or removes it.
     */
    record Contents(ObjectNode document, List<StoredProfile> profiles, List<String> duplicates, Stamp stamp) {

        static Contents empty() {
            ObjectNode document = JsonFiles.mapper().createObjectNode();
            document.put("formatVersion", ProfilesDocument.CURRENT_FORMAT);
            return new Contents(document, List.of(), List.of(), Stamp.ABSENT);
        }

        StoredProfile find(String name) {
            return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** A file that cannot be used. {@code movable}: a corrupt regular file, which may be moved aside. */
    static final class Unusable extends Exception {
        private final boolean movable;

        Unusable(String reason, boolean movable) {
            super(reason, null, false, false);
            this.movable = movable;
        }

        boolean movable() {
            return movable;
        }
    }

    private ProfileFile() {
    }

    static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (IOException e) {
            return Stamp.ABSENT;
        }
    }

    static Contents read(Path file) throws Unusable {
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            return Contents.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new Unusable(Files.isDirectory(file) ? "it is a directory"
                    : Files.exists(file) ? "it is not a regular file (a device or a pipe); SnowPulse reads profiles only from a regular file"
                    : "it is a link to " + target(file) + ", which does not exist", false);
        }
        Stamp stamp = stamp(file);
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Contents.empty();
        } catch (IOException e) {
            throw new Unusable("cannot read it: " + e.getClass().getSimpleName(), false);
        }
        if (content.length > MAX_BYTES) {
            throw new Unusable("it is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, far more than any list of profiles", false);
        }
        return parse(content, stamp);
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a path that cannot be read";
        }
    }

    private static Contents parse(byte[] content, Stamp stamp) throws Unusable {
        try {
            JsonNode root = JsonFiles.mapper().readTree(content);
            if (!(root instanceof ObjectNode document) || !(document.path("profiles") instanceof ArrayNode array)) {
                throw new Unusable("it is not a SnowPulse profiles file (no \"profiles\" list)", true);
            }
            int format = document.path("formatVersion").asInt(0);
            if (format > ProfilesDocument.CURRENT_FORMAT) {
                throw new Unusable("it was written by a newer SnowPulse (format " + format + ")", false);
            }
            List<StoredProfile> profiles = new ArrayList<>();
            List<String> duplicates = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (JsonNode node : array) {
                if (!(node instanceof ObjectNode json)) {
                    throw new Unusable("a profile that is not a JSON object", true);
                }
                ConnectionProfile profile = JsonFiles.mapper().treeToValue(json, ConnectionProfile.class);
                if (!names.add(profile.name())) {
                    String kept = unique(profile.name(), names);
                    duplicates.add(profile.name() + "' is listed as '" + kept);
                    profile = profile.withName(kept);
                    names.add(kept);
                }
                profiles.add(new StoredProfile(profile, json));
            }
            return new Contents(document, List.copyOf(profiles), List.copyOf(duplicates), stamp);
        } catch (JsonProcessingException e) {
            throw new Unusable(describe(e), true);
        } catch (IllegalArgumentException e) {
            throw new Unusable(Objects.requireNonNullElse(e.getMessage(), "a profile that is not valid"), true);
        } catch (IOException e) {
            throw new Unusable("cannot read it: " + e.getClass().getSimpleName(), false);
        }
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), ConnectionProfile.MAX_NAME_LENGTH - suffix.length())) + suffix;
        }
        return candidate;
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

    /** The document to write: the one read, with this version's format and profiles. */
    static ObjectNode document(Contents base, List<ObjectNode> profiles) {
        ObjectNode document = base.document().deepCopy();
        document.put("formatVersion", ProfilesDocument.CURRENT_FORMAT);
        ArrayNode array = document.putArray("profiles");
        profiles.forEach(array::add);
        return document;
    }

    /** Where a write goes: the file a link points to, so a link (a dotfiles manager's) stays a link. */
    static Path writeTarget(Path file) throws IOException {
        return Files.isSymbolicLink(file) && Files.isRegularFile(file) ? file.toRealPath() : file;
    }
}
