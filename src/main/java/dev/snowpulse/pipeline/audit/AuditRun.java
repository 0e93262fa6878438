package dev.snowpulse.pipeline.audit;

import dev.snowpulse.pipeline.reference.ReferenceTable;
import java.time.Instant;
import java.util.Map;

/**
 * One generation run from DATA_GENERATION_AUDIT. {@code configChanged} says whether any reference checksum differs
 * from the run before it (false for the first run).
 */
public record AuditRun(String runId, Instant runTime, String status, int customerRequested, int purchaseRequested,
                       int marketingRequested, int supplyChainRequested, long generated, String errorMessage,
                       Double seconds, Map<ReferenceTable, String> checksums, boolean configChanged) {

    public AuditRun {
        checksums = Map.copyOf(checksums);
    }

    public long requested() {
        return (long) customerRequested + purchaseRequested + marketingRequested + supplyChainRequested;
    }

    public boolean failed() {
        return !"SUCCESS".equalsIgnoreCase(status);
    }

    public AuditRun withConfigChanged(boolean changed) {
        return new AuditRun(runId, runTime, status, customerRequested, purchaseRequested, marketingRequested,
                supplyChainRequested, generated, errorMessage, seconds, checksums, changed);
    }
}
