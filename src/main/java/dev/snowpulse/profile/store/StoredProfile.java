package dev.snowpulse.profile.store;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.JsonFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A profile as read from profiles.json, with the JSON it was read from: fields this version does not know live there. */
record StoredProfile(ConnectionProfile profile, ObjectNode json) {

    String name() {
        return profile.name();
    }

    /** The JSON to write for {@code updated}: its fields, and every field of this one's JSON it does not have. */
    ObjectNode jsonFor(ConnectionProfile updated) {
        return UnknownFields.kept(json, JsonFiles.mapper().valueToTree(updated));
    }
}
