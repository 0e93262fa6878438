package dev.snowpulse.profile;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Profiles as a JSON file to hand to a colleague. Profiles hold no secrets, only where each secret comes from,
 * so an export carries none.
 */
public final class ProfileExchange {

    private ProfileExchange() {
    }

    public static void export(List<ConnectionProfile> profiles, Path file) throws IOException {
        Files.write(file, JsonFiles.mapper().writeValueAsBytes(ProfilesDocument.of(profiles)));
    }

    public static List<ConnectionProfile> read(Path file) throws IOException {
        try {
            ProfilesDocument document = JsonFiles.mapper().readValue(Files.readAllBytes(file), ProfilesDocument.class);
            if (document.formatVersion() > ProfilesDocument.CURRENT_FORMAT) {
                throw new IOException(file + " was exported by a newer SnowPulse (format " + document.formatVersion() + ")");
            }
            return document.profiles();
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IOException(file + " is not a SnowPulse profiles file: " + reason);
        }
    }
}
