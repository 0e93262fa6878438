package dev.snowpulse.pipeline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The seed README's manual run, {@code GENERATE_RETAIL_DATA(20, 50)}, the other two at the procedure's defaults. */
    public static EventCounts defaults() {
        return new EventCounts(20, 50, 8, 5);
    }

    /** What seed 001's root task generates on each scheduled run: {@code GENERATE_RETAIL_DATA(5, 10, 3, 2)}. */
    public static EventCounts seedTask() {
        return new EventCounts(5, 10, 3, 2);
    }

    /** "5, 10, 3, 2" or "5,10,3,2", as the CLI and a task definition write them. */
    public static EventCounts parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new IllegalArgumentException("events per run: '" + text + "' is not four counts, e.g. 5,10,3,2 "
                    + "(customer, purchase, marketing, supply chain)");
        }
        int[] counts = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                counts[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("events per run: '" + parts[i] + "' is not a whole number");
            }
        }
        return new EventCounts(counts[0], counts[1], counts[2], counts[3]);
    }

    /** The counts a task's definition passes to GENERATE_RETAIL_DATA, if it calls it with four numbers. */
    public static Optional<EventCounts> inDefinition(String definition) {
        if (definition == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?i)generate_retail_data\\s*\\(\\s*(\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+)\\s*\\)")
                .matcher(definition);
        try {
            return m.find() ? Optional.of(parse(m.group(1))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
