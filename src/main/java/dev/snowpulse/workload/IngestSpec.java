package dev.snowpulse.workload;

import dev.snowpulse.validation.Checks;
import dev.snowpulse.validation.FieldError;

import java.time.Duration;

/**
 * Continuous ingest, as the seed project's continuous_ingest: a batch of orders every interval until stopped.
 *
 * @param batches how many batches before stopping by itself, or null to run until cancelled
 */
public record IngestSpec(Duration interval, int batchSize, int maxCustomers, int maxProducts, int minQuantity, int maxQuantity,
                         Integer batches) {

    /** The keys of {@link FieldError#field()} for the values only an ingest has; the rest are {@link WorkloadSpec}'s. */
    public static final String INTERVAL = "interval", BATCH_SIZE = "batch size", BATCHES = "batches";

    public IngestSpec {
        if (interval == null || interval.toMillis() < 10 || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new FieldError(INTERVAL, "must be from 10 ms to 24 h");
        }
        Checks.range(BATCH_SIZE, batchSize, 1, 100_000);
        Checks.range(WorkloadSpec.MAX_CUSTOMERS, maxCustomers, 1, Integer.MAX_VALUE);
        Checks.range(WorkloadSpec.MAX_PRODUCTS, maxProducts, 1, Integer.MAX_VALUE);
        Checks.range(WorkloadSpec.MIN_QUANTITY, minQuantity, 1, 1_000);
        Checks.range(WorkloadSpec.MAX_QUANTITY, maxQuantity, minQuantity, 1_000);
        if (batches != null) {
            Checks.range(BATCHES, batches, 1, Integer.MAX_VALUE);
        }
    }

    /** The seed's defaults: 10 orders every 20 seconds, customers and products 1..10. */
    public static IngestSpec seedDefaults() {
        return new IngestSpec(Duration.ofSeconds(20), 10, 10, 10, 1, 1, null);
    }
}
