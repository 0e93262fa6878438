package dev.snowpulse.profile.store;

import dev.snowpulse.profile.ConnectionProfile;
import java.util.List;

/** The on-disk shape of profiles.json. */
public record ProfilesDocument(int formatVersion, List<ConnectionProfile> profiles) {

    public static final int CURRENT_FORMAT = 1;

    public ProfilesDocument {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    public static ProfilesDocument of(List<ConnectionProfile> profiles) {
        return new ProfilesDocument(CURRENT_FORMAT, profiles);
    }
}
