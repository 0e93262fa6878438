package dev.snowpulse.profile.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Keeps the fields a newer SnowPulse wrote when this one rewrites an object: what this version writes wins, what it
 * does not know is copied from the original. Nested objects are merged the same way unless their {@code kind}
 * differs (a Postgres profile turned into a Snowflake one drops the Postgres fields).
 */
final class UnknownFields {

    private static final String KIND = "kind";

    private UnknownFields() {
    }

    static ObjectNode kept(ObjectNode original, ObjectNode written) {
        ObjectNode merged = written.deepCopy();
        if (original == null) {
            return merged;
        }
        for (Map.Entry<String, JsonNode> field : original.properties()) {
            JsonNode now = merged.get(field.getKey());
            if (now == null) {
                merged.set(field.getKey(), field.getValue().deepCopy());
            } else if (now instanceof ObjectNode nowObject && field.getValue() instanceof ObjectNode was && sameKind(was, nowObject)) {
                merged.set(field.getKey(), kept(was, nowObject));
            }
        }
        return merged;
    }

    private static boolean sameKind(ObjectNode a, ObjectNode b) {
        return a.path(KIND).asText("").equals(b.path(KIND).asText(""));
    }
}
