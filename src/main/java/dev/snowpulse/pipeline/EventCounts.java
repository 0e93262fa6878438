package dev.snowpulse.pipeline;

/** The four event counts of one generation run, as GENERATE_RETAIL_DATA takes them. */
public record EventCounts(int customer, int purchase, int marketing, int supplyChain) {

    public static final int MAX = 100_000;

    public EventCounts {
        check(customer, "customer events");
        check(purchase, "purchase events");
        check(marketing, "marketing events");
        check(supplyChain, "supply chain events");
        if (customer + purchase + marketing + supplyChain == 0) {
            throw new IllegalArgumentException("event counts: at least one must be above 0");
        }
    }

    /** The seed's manual run, {@code GENERATE_RETAIL_DATA(20, 50)}, plus a few of the other two kinds. */
    public static EventCounts defaults() {
        return new EventCounts(20, 50, 10, 5);
    }

    public int total() {
        return customer + purchase + marketing + supplyChain;
    }

    private static void check(int value, String field) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException(field + ": " + value + " is outside 0.." + MAX);
        }
    }
}
