package dev.snowpulse.pipeline.reference;

import java.util.Map;

/** One row of a reference table: its key and its other columns as display text. */
public record ReferenceRow(ReferenceTable table, String key, Map<String, String> values) {

    public ReferenceRow {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public String value(String column) {
        return values.get(column);
    }
}
