package dev.snowpulse.pipeline.audit;

import dev.snowpulse.pipeline.reference.ReferenceTable;
import java.util.List;

/** How one reference table differs between two runs; no differences means unchanged. */
public record TableComparison(ReferenceTable table, String checksumBefore, String checksumAfter,
                              List<RowDifference> differences) {

    public TableComparison {
        differences = List.copyOf(differences);
    }

    public boolean changed() {
        return !differences.isEmpty();
    }
}
