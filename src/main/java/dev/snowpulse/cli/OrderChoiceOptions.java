package dev.snowpulse.cli;

import picocli.CommandLine.Option;

/** Which orders a workload or an ingest places: the seed's --max-customers / --max-products, and quantities. */
final class OrderChoiceOptions {

    @Option(names = "--max-customers", defaultValue = "10", description = "Customer ids 1..N (default: ${DEFAULT-VALUE})")
    int maxCustomers;

    @Option(names = "--max-products", defaultValue = "10", description = "Product ids 1..N (default: ${DEFAULT-VALUE})")
    int maxProducts;

    @Option(names = "--min-quantity", defaultValue = "1", description = "Smallest quantity (default: ${DEFAULT-VALUE})")
    int minQuantity;

    @Option(names = "--max-quantity", defaultValue = "1", description = "Largest quantity (default: ${DEFAULT-VALUE})")
    int maxQuantity;
}
