package dev.snowpulse.workload;

import java.time.Duration;

/**
 * Continuous ingest, as the seed project's continuous_ingest: a batch of orders every interval until stopped.
 *
 * @param batches how many batches before stopping by itself, or null to run until cancelled
 */
public record IngestSpec(Duration interval, int batchSize, int maxCustomers, int maxProducts, int minQuantity, int maxQuantity,
                         Integer batches) {

    public IngestSpec {
        if (interval == null || interval.toMillis() < 10 || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("interval: must be from 10 ms to 24 h");
        }
        check("batch size", batchSize, 1, 100_000);
        check("max customers", maxCustomers, 1, Integer.MAX_VALUE);
        check("max products", maxProducts, 1, Integer.MAX_VALUE);
        check("min quantity", minQuantity, 1, 1_000);
        check("max quantity", maxQuantity, minQuantity, 1_000);
        if (batches != null) {
            check("batches", batches, 1, Integer.MAX_VALUE);
        }
    }

    /** The seed's defaults: 10 orders every 20 seconds, customers and products 1..10. */
    public static IngestSpec seedDefaults() {
        return new IngestSpec(Duration.ofSeconds(20), 10, 10, 10, 1, 1, null);
    }

    private static void check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " is outside " + min + ".." + max);
        }
    }
}
