package dev.snowpulse.pipeline.audit;

import java.util.List;

/** A reference row that one run had and the other did not, or had with other values. */
public record RowDifference(Kind kind, String key, List<ValueChange> changes) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public RowDifference {
        changes = List.copyOf(changes);
    }
}
