package dev.snowpulse.workload;

import java.time.Duration;
import java.time.Instant;

/**
 * One batch of a continuous ingest: when it ran, how its orders ended, how long it took. A batch that found the
 * database unreachable sent nothing (its orders count as not sent) and says why in {@code skippedBecause}.
 */
public record IngestBatch(long number, Instant startedAt, OutcomeCounts counts, Duration took, String skippedBecause) {

    public boolean skipped() {
        return skippedBecause != null;
    }
}
