package dev.snowpulse.profile.store;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What differs between two versions of a profile, field by field, for the question the prod guard asks. */
public final class ProfileChanges {

    private ProfileChanges() {
    }

    /** "environment PROD → DEV; database shop → other"; empty when nothing differs. */
    public static List<String> between(ConnectionProfile before, ConnectionProfile after) {
        List<String> changes = new ArrayList<>();
        collect("", JsonFiles.mapper().valueToTree(before), JsonFiles.mapper().valueToTree(after), changes);
        return changes;
    }

    public static String describe(ConnectionProfile before, ConnectionProfile after) {
        List<String> changes = between(before, after);
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<String> changes) {
        if (before.isObject() && after.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                collect(path.isEmpty() ? field : path + "." + field, before.path(field), after.path(field), changes);
            }
        } else if (!before.equals(after)) {
            changes.add(label(path) + " " + text(before) + " → " + text(after));
        }
    }

    private static final Map<String, String> LABELS = Map.of(
            "environment.kind", "environment",
            "environment.label", "environment label",
            "environment.colour", "colour",
            "connection.kind", "kind",
            "connection.password.source", "password source",
            "connection.secret.source", "secret source");

    private static String label(String path) {
        return LABELS.getOrDefault(path, path.startsWith("connection.") ? path.substring("connection.".length()) : path);
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "(none)" : value.isTextual() ? value.asText() : value.toString();
    }
}
