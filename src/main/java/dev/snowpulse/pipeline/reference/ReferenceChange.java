package dev.snowpulse.pipeline.reference;

import java.util.Objects;

/**
 * One validated edit of a reference value. {@code after} is normalised by the column's rule; {@link #describe()} is
 * what the user confirms before it is applied.
 */
public record ReferenceChange(ReferenceTable table, String key, String column, String before, String after) {

    public ReferenceChange {
        Objects.requireNonNull(table, "table");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key: which " + table.key() + " to change is required");
        }
        ColumnRule rule = table.rule(column);
        after = rule.check(column, after);
    }

    /** GENERATION_PARAMETERS values are checked against their row's PARAMETER_TYPE. */
    public static ReferenceChange of(ReferenceRow row, String column, String newValue) {
        String value = newValue;
        if (row.table() == ReferenceTable.GENERATION_PARAMETERS && column.equals("PARAMETER_VALUE")) {
            value = ColumnRule.checkParameter(row.value("PARAMETER_TYPE"), newValue);
        }
        return new ReferenceChange(row.table(), row.key(), column, row.value(column), value);
    }

    public boolean changesAnything() {
        return !Objects.equals(before == null ? null : before.strip(), after);
    }

    public String describe() {
        return table.name() + " " + key + ": " + column + " " + (before == null ? "(empty)" : before) + " → " + after;
    }
}
