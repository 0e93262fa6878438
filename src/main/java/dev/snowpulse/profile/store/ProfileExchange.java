package dev.snowpulse.profile.store;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Profiles as a JSON file to hand to a colleague. Profiles hold no secrets, only where each secret comes from,
 * so an export carries none. An import file is read as carefully as profiles.json: only a regular file of a sane size.
 */
public final class ProfileExchange {

    private ProfileExchange() {
    }

    public static void export(List<ConnectionProfile> profiles, Path file) throws IOException {
        Files.write(file, JsonFiles.mapper().writeValueAsBytes(ProfilesDocument.of(profiles)));
    }

    public static List<ConnectionProfile> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such file");
        }
        ProfileFile.Contents contents;
        try {
            contents = ProfileFile.read(file);
        } catch (ProfileFile.Unusable e) {
            throw new IOException(file + " is not a SnowPulse profiles file: " + e.getMessage());
        }
        if (!contents.duplicates().isEmpty()) {
            throw new IOException(file + " names a profile twice ('" + String.join("'; '", contents.duplicates())
                    + "'); keep one of each name and import again");
        }
        return contents.profiles().stream().map(StoredProfile::profile).toList();
    }
}
