package dev.snowpulse.pipeline;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks names that end up inside SQL text (schemas, tasks, streams): plain unquoted identifiers only. */
public final class SqlIdentifier {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

    private SqlIdentifier() {
    }

    /** The name in upper case, as Snowflake stores an unquoted identifier; refuses anything else, naming the field. */
    public static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        String name = value.strip();
        if (!PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException(field + ": '" + name
                    + "' is not a plain identifier (letters, digits, _ and $, starting with a letter or _)");
        }
        return name.toUpperCase(Locale.ROOT);
    }

    /** A dotted name of one to three plain identifiers (task, schema.task or database.schema.task). */
    public static String requireQualified(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        String[] parts = value.strip().split("\\.", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException(field + ": '" + value.strip() + "' has more than database.schema.name");
        }
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            name.append(name.isEmpty() ? "" : ".").append(require(part, field));
        }
        return name.toString();
    }
}
