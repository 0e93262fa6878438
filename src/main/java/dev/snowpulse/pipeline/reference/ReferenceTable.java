package dev.snowpulse.pipeline.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generator's reference tables as seed 001 defines them, their keys and what each column accepts (its CREATED_AT
 * and UPDATED_AT are kept by SnowPulse, not edited). Both backends use the same names.
 */
public enum ReferenceTable {
    CUSTOMER_SEGMENTS("SEGMENT_NAME", Map.of("WEIGHT", ColumnRule.FRACTION, "AVG_ORDER_VALUE", ColumnRule.NON_NEGATIVE,
            "PURCHASE_FREQUENCY", ColumnRule.FRACTION, "DESCRIPTION", ColumnRule.TEXT),
            "WEIGHT", "AVG_ORDER_VALUE", "PURCHASE_FREQUENCY", "DESCRIPTION"),
    PRODUCT_CATEGORIES("CATEGORY_NAME", Map.of("SEASONAL_PEAK_MONTHS", ColumnRule.MONTHS, "MARGIN_RATE", ColumnRule.FRACTION,
            "RETURN_RATE", ColumnRule.FRACTION, "DESCRIPTION", ColumnRule.TEXT),
            "SEASONAL_PEAK_MONTHS", "MARGIN_RATE", "RETURN_RATE", "DESCRIPTION"),
    MARKETING_CHANNELS("CHANNEL_NAME", Map.of("COST_PER_ACQUISITION", ColumnRule.NON_NEGATIVE,
            "CONVERSION_RATE", ColumnRule.FRACTION, "ENGAGEMENT_RATE", ColumnRule.FRACTION, "DESCRIPTION", ColumnRule.TEXT),
            "COST_PER_ACQUISITION", "CONVERSION_RATE", "ENGAGEMENT_RATE", "DESCRIPTION"),
    WAREHOUSES("WAREHOUSE_ID", Map.of("LOCATION_NAME", ColumnRule.TEXT, "CAPACITY", ColumnRule.COUNT, "DESCRIPTION", ColumnRule.TEXT),
            "LOCATION_NAME", "CAPACITY", "DESCRIPTION"),
    GENERATION_PARAMETERS("PARAMETER_NAME", Map.of("PARAMETER_VALUE", ColumnRule.PARAMETER,
            "PARAMETER_TYPE", ColumnRule.FIXED, "DESCRIPTION", ColumnRule.TEXT),
            "PARAMETER_VALUE", "PARAMETER_TYPE", "DESCRIPTION"),
    CUSTOMER_LIFECYCLE("CUSTOMER_TYPE", Map.of("MIN_CUSTOMER_ID_EPOCH", ColumnRule.WHOLE, "MAX_CUSTOMER_ID_EPOCH", ColumnRule.WHOLE,
            "CUSTOMER_COUNT", ColumnRule.WHOLE, "IS_ACTIVE", ColumnRule.BOOLEAN, "CHURN_PROBABILITY", ColumnRule.FRACTION,
            "DESCRIPTION", ColumnRule.TEXT),
            "MIN_CUSTOMER_ID_EPOCH", "MAX_CUSTOMER_ID_EPOCH", "CUSTOMER_COUNT", "IS_ACTIVE", "CHURN_PROBABILITY", "DESCRIPTION");

    private final String key;
    private final Map<String, ColumnRule> rules;

    ReferenceTable(String key, Map<String, ColumnRule> rules, String... order) {
        this.key = key;
        Map<String, ColumnRule> ordered = new LinkedHashMap<>();
        for (String column : order) {
            ordered.put(column, rules.get(column));
        }
        this.rules = java.util.Collections.unmodifiableMap(ordered);
    }

    public String key() {
        return key;
    }

    /** The value columns in display order, with their rules. */
    public Map<String, ColumnRule> columns() {
        return rules;
    }

    public ColumnRule rule(String column) {
        ColumnRule rule = rules.get(column);
        if (rule == null) {
            throw new IllegalArgumentException("column: " + name() + " has no column " + column
                    + " (it has " + String.join(", ", rules.keySet()) + ")");
        }
        return rule;
    }

    /** The audit table's column that holds this table's snapshot (its checksum column ends in _CHECKSUM). */
    public String snapshotColumn() {
        return name() + "_SNAPSHOT";
    }

    public String checksumColumn() {
        return name() + "_CHECKSUM";
    }

    public static ReferenceTable parse(String text) {
        String wanted = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (ReferenceTable table : values()) {
            if (table.name().equals(wanted)) {
                return table;
            }
        }
        throw new IllegalArgumentException("table: '" + text + "' is not a reference table (use one of "
                + String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList()) + ")");
    }
}
