package dev.snowpulse.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a database built by seed 001's SETUP_SNOWFLAKE.sql holds (jar-ry/snowflake_demo_streaming_e2e), as
 * data written in the tests' own words: its tables with their columns and types, its procedures and functions with
 * their arguments and how they are called, its tasks, its stream and its reference rows with their values. The file
 * has three versions in that repository's history: the first ({@link Version#FIRST}) and the two later ones, which
 * define the same objects ({@link Version#LATER}).
 */
public final class Seed001Objects {

    private Seed001Objects() {
    }

    public enum Version {
        FIRST, LATER
    }

    /** A routine: a procedure the seed CALLs, or a table function it selects from. */
    public record Routine(String schema, String name, boolean procedure, List<String> arguments) {
    }

    public record Task(String name, String schedule, String predecessor, String definition, String warehouse) {
    }

    public static final String DB = "RETAIL_STREAMING_DEMO";
    public static final List<String> SCHEMAS = List.of("S1_RAW_DATA", "S2_BRONZE", "S3_GOLD", "REFERENCE_DATA", "DATA_QUALITY", "PUBLIC");

    private static final String STAMPS = "CREATED_AT TIMESTAMP_NTZ, UPDATED_AT TIMESTAMP_NTZ";

    /** Each table's columns in order, "NAME TYPE", with Snowflake's type names as the seed writes them. */
    public static Map<String, List<String>> tables(Version version) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("S1_RAW_DATA.RAW_RETAIL_EVENTS", columns("EVENT_ID STRING, EVENT_TYPE STRING, TIMESTAMP TIMESTAMP_NTZ, "
                + "RAW_DATA VARIANT, CREATED_AT TIMESTAMP_NTZ"));
        tables.put("REFERENCE_DATA.CUSTOMER_SEGMENTS", columns("SEGMENT_NAME STRING, WEIGHT FLOAT, AVG_ORDER_VALUE FLOAT, "
                + "PURCHASE_FREQUENCY FLOAT, DESCRIPTION STRING, " + STAMPS));
        tables.put("REFERENCE_DATA.PRODUCT_CATEGORIES", columns("CATEGORY_NAME STRING, SEASONAL_PEAK_MONTHS STRING, "
                + "MARGIN_RATE FLOAT, RETURN_RATE FLOAT, DESCRIPTION STRING, " + STAMPS));
        tables.put("REFERENCE_DATA.MARKETING_CHANNELS", columns("CHANNEL_NAME STRING, COST_PER_ACQUISITION FLOAT, "
                + "CONVERSION_RATE FLOAT, ENGAGEMENT_RATE FLOAT, DESCRIPTION STRING, " + STAMPS));
        tables.put("REFERENCE_DATA.WAREHOUSES", columns("WAREHOUSE_ID STRING, LOCATION_NAME STRING, CAPACITY INTEGER, "
                + "DESCRIPTION STRING, " + STAMPS));
        tables.put("REFERENCE_DATA.GENERATION_PARAMETERS", columns("PARAMETER_NAME STRING, PARAMETER_VALUE VARIANT, "
                + "PARAMETER_TYPE STRING, DESCRIPTION STRING, " + STAMPS));
        if (version == Version.LATER) {
            tables.put("REFERENCE_DATA.CUSTOMER_LIFECYCLE", columns("CUSTOMER_TYPE STRING, MIN_CUSTOMER_ID_EPOCH INTEGER, "
                    + "MAX_CUSTOMER_ID_EPOCH INTEGER, CUSTOMER_COUNT INTEGER, IS_ACTIVE BOOLEAN, CHURN_PROBABILITY FLOAT, "
                    + "DESCRIPTION STRING, " + STAMPS));
            tables.put("REFERENCE_DATA.GENERATOR_CUSTOMER_STATUS", columns("CUSTOMER_ID STRING, CUSTOMER_TYPE STRING, "
                    + "IS_ACTIVE_IN_GENERATOR BOOLEAN, LAST_ACTIVITY_DATE TIMESTAMP_NTZ, CHURN_DATE TIMESTAMP_NTZ, " + STAMPS));
        }
        String lifecycleSnapshot = version == Version.LATER ? "CUSTOMER_LIFECYCLE_SNAPSHOT VARIANT, " : "";
        String lifecycleChecksum = version == Version.LATER ? "CUSTOMER_LIFECYCLE_CHECKSUM STRING, " : "";
        tables.put("REFERENCE_DATA.DATA_GENERATION_AUDIT", columns("RUN_ID STRING, RUN_TIMESTAMP TIMESTAMP_NTZ, "
                + "CUSTOMER_EVENTS_REQUESTED INTEGER, PURCHASE_EVENTS_REQUESTED INTEGER, MARKETING_EVENTS_REQUESTED INTEGER, "
                + "SUPPLY_CHAIN_EVENTS_REQUESTED INTEGER, EVENTS_GENERATED INTEGER, EXECUTION_STATUS STRING, ERROR_MESSAGE STRING, "
                + "EXECUTION_TIME_SECONDS FLOAT, CUSTOMER_SEGMENTS_SNAPSHOT VARIANT, PRODUCT_CATEGORIES_SNAPSHOT VARIANT, "
                + "MARKETING_CHANNELS_SNAPSHOT VARIANT, WAREHOUSES_SNAPSHOT VARIANT, GENERATION_PARAMETERS_SNAPSHOT VARIANT, "
                + lifecycleSnapshot + "CUSTOMER_SEGMENTS_CHECKSUM STRING, PRODUCT_CATEGORIES_CHECKSUM STRING, "
                + "MARKETING_CHANNELS_CHECKSUM STRING, WAREHOUSES_CHECKSUM STRING, GENERATION_PARAMETERS_CHECKSUM STRING, "
                + lifecycleChecksum + "CREATED_AT TIMESTAMP_NTZ"));
        tables.put("S2_BRONZE.STG_CUSTOMERS", columns("CUSTOMER_ID STRING, AGE INTEGER, ANNUAL_INCOME INTEGER, "
                + "CUSTOMER_SEGMENT STRING, STATE STRING, CITY STRING, ZIP_CODE STRING, DAYS_SINCE_LAST_PURCHASE INTEGER, "
                + "TOTAL_ORDERS INTEGER, AVG_ORDER_VALUE FLOAT, CHURN_PROBABILITY FLOAT, LIFETIME_VALUE FLOAT, "
                + "PRIMARY_CATEGORY STRING, COMMUNICATION_CHANNEL STRING, PRICE_SENSITIVITY FLOAT, "
                + "LAST_PROFILE_UPDATE TIMESTAMP_NTZ, " + STAMPS));
        tables.put("S2_BRONZE.STG_PURCHASES", columns("EVENT_ID STRING, CUSTOMER_ID STRING, ORDER_ID STRING, PRODUCT_ID STRING, "
                + "PRODUCT_CATEGORY STRING, PRODUCT_SUBCATEGORY STRING, BRAND STRING, UNIT_PRICE FLOAT, QUANTITY INTEGER, "
                + "LINE_TOTAL FLOAT, SUBTOTAL FLOAT, DISCOUNT_AMOUNT FLOAT, TAX_AMOUNT FLOAT, SHIPPING_COST FLOAT, "
                + "FINAL_TOTAL FLOAT, SALES_CHANNEL STRING, DEVICE_TYPE STRING, PAYMENT_METHOD STRING, WAREHOUSE_ID STRING, "
                + "SHIPPING_METHOD STRING, ESTIMATED_DELIVERY_DATE TIMESTAMP_NTZ, CUSTOMER_SEGMENT STRING, "
                + "IS_REPEAT_CUSTOMER BOOLEAN, CART_ABANDONMENT_RISK FLOAT, RETURN_PROBABILITY FLOAT, UPSELL_POTENTIAL FLOAT, "
                + "PURCHASE_TIMESTAMP TIMESTAMP_NTZ, " + STAMPS));
        tables.put("S3_GOLD.DIM_CUSTOMERS", columns("CUSTOMER_ID STRING, CUSTOMER_SEGMENT STRING, AGE INTEGER, AGE_GROUP STRING, "
                + "ANNUAL_INCOME INTEGER, INCOME_BRACKET STRING, STATE STRING, CITY STRING, PRIMARY_CATEGORY STRING, "
                + "COMMUNICATION_CHANNEL STRING, PRICE_SENSITIVITY FLOAT, TOTAL_ORDERS INTEGER, TOTAL_SPENT FLOAT, "
                + "AVG_ORDER_VALUE FLOAT, FIRST_PURCHASE_DATE TIMESTAMP_NTZ, LAST_PURCHASE_DATE TIMESTAMP_NTZ, "
                + "CUSTOMER_TENURE_DAYS INTEGER, ANNUAL_PURCHASE_FREQUENCY FLOAT, PREFERRED_SALES_CHANNEL STRING, "
                + "PREFERRED_PAYMENT_METHOD STRING, VALUE_SEGMENT STRING, ENGAGEMENT_LEVEL STRING, CHURN_PROBABILITY FLOAT, "
                + "LIFETIME_VALUE FLOAT, LOYALTY_TIER STRING, DIGITAL_ADOPTION_LEVEL STRING, UPDATED_AT TIMESTAMP_NTZ"));
        tables.put("S3_GOLD.FCT_SALES", columns("EVENT_ID STRING, CUSTOMER_ID STRING, ORDER_ID STRING, PRODUCT_ID STRING, "
                + "PRODUCT_CATEGORY STRING, BRAND STRING, PURCHASE_TIMESTAMP TIMESTAMP_NTZ, PURCHASE_DATE DATE, "
                + "PURCHASE_YEAR INTEGER, PURCHASE_QUARTER INTEGER, PURCHASE_MONTH INTEGER, QUANTITY INTEGER, UNIT_PRICE FLOAT, "
                + "FINAL_TOTAL FLOAT, DISCOUNT_AMOUNT FLOAT, ESTIMATED_GROSS_MARGIN FLOAT, SALES_CHANNEL STRING, "
                + "CUSTOMER_SEGMENT STRING, IS_REPEAT_CUSTOMER BOOLEAN, HIGH_VALUE_ORDER BOOLEAN, REVENUE_TIER STRING, "
                + "UPDATED_AT TIMESTAMP_NTZ"));
        return tables;
    }

    public static List<Routine> routines(Version version) {
        List<Routine> routines = new java.util.ArrayList<>(List.of(
                new Routine("PUBLIC", "GENERATE_RETAIL_DATA", true, List.of("CUSTOMER_EVENTS INTEGER DEFAULT 10",
                        "PURCHASE_EVENTS INTEGER DEFAULT 25", "MARKETING_EVENTS INTEGER DEFAULT 8", "SUPPLY_CHAIN_EVENTS INTEGER DEFAULT 5")),
                new Routine("PUBLIC", "TRANSFORM_TO_BRONZE", true, List.of()),
                new Routine("PUBLIC", "TRANSFORM_TO_GOLD", true, List.of()),
                new Routine("PUBLIC", "START_PIPELINE", true, List.of()),
                new Routine("PUBLIC", "STOP_PIPELINE", true, List.of()),
                new Routine("PUBLIC", "DATA_SUMMARY", false, List.of()),
                new Routine("PUBLIC", "VIEW_REFERENCE_CONFIG", false, List.of()),
                new Routine("PUBLIC", "COMPARE_GENERATION_RUNS", true, List.of("RUN_ID_1 STRING", "RUN_ID_2 STRING")),
                new Routine("PUBLIC", "VIEW_RUN_SNAPSHOT", true, List.of("RUN_ID_INPUT STRING", "COMPONENT STRING DEFAULT 'ALL'"))));
        if (version == Version.FIRST) {
            routines.add(new Routine("PUBLIC", "CHECK_PIPELINE_STATUS", true, List.of()));
        } else {
            routines.add(new Routine("PUBLIC", "GENERATE_HISTORICAL_DATA", true, List.of(
                    "START_DATE DATE DEFAULT DATEADD('year', -3, CURRENT_DATE())", "END_DATE DATE DEFAULT CURRENT_DATE()",
                    "EVENTS_PER_DAY INTEGER DEFAULT 100")));
            routines.add(new Routine("PUBLIC", "GENERATE_HISTORICAL_DATA_RANGE", true, List.of("START_DATE_STR STRING",
                    "END_DATE_STR STRING", "EVENTS_PER_DAY INTEGER DEFAULT 100")));
            routines.add(new Routine("PUBLIC", "GENERATE_SAMPLE_HISTORICAL_DATA", true, List.of()));
            routines.add(new Routine("PUBLIC", "ANALYZE_HISTORICAL_PATTERNS", false, List.of()));
        }
        return routines;
    }

    /** The seed's three tasks, in PUBLIC, with the warehouses its script creates. */
    public static List<Task> tasks() {
        return List.of(
                new Task("DATA_GENERATION_TASK", "USING CRON 0,30 * * * * UTC", null, "CALL GENERATE_RETAIL_DATA(5, 10, 3, 2)",
                        "RETAIL_DATA_LOADING_WH"),
                new Task("BRONZE_TRANSFORMATION_TASK", null, "DATA_GENERATION_TASK", "CALL TRANSFORM_TO_BRONZE()", "RETAIL_TRANSFORM_WH"),
                new Task("GOLD_TRANSFORMATION_TASK", null, "BRONZE_TRANSFORMATION_TASK", "CALL TRANSFORM_TO_GOLD()", "RETAIL_TRANSFORM_WH"));
    }

    public static final String STREAM = "PUBLIC.RAW_RETAIL_EVENTS_STREAM";

    /**
     * The reference rows the seed inserts, table by table, each as its key then its values in column order (numbers
     * as the seed writes them; parameters' values as the text inside TO_VARIANT or PARSE_JSON).
     */
    public static Map<String, List<List<String>>> referenceRows(Version version) {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        rows.put("CUSTOMER_SEGMENTS", List.of(
                List.of("premium", "0.15", "150.0", "0.3", "High-value customers with frequent purchases"),
                List.of("regular", "0.60", "75.0", "0.15", "Standard customers with moderate spending"),
                List.of("occasional", "0.25", "45.0", "0.05", "Infrequent customers with lower spending")));
        rows.put("PRODUCT_CATEGORIES", List.of(
                List.of("electronics", "[11, 12]", "0.25", "0.08", "Electronic devices and gadgets"),
                List.of("clothing", "[3, 4, 9, 10]", "0.60", "0.15", "Apparel and fashion items"),
                List.of("home_garden", "[4, 5, 6]", "0.45", "0.05", "Home and garden products"),
                List.of("sports_outdoor", "[5, 6, 7, 8]", "0.40", "0.07", "Sports and outdoor equipment"),
                List.of("beauty_health", "[1, 12]", "0.55", "0.03", "Beauty and health products"),
                List.of("books_media", "[9, 10, 11]", "0.35", "0.02", "Books and media content")));
        rows.put("MARKETING_CHANNELS", List.of(
                List.of("email", "15.0", "0.03", "0.25", "Email marketing campaigns"),
                List.of("social_media", "25.0", "0.02", "0.08", "Social media advertising"),
                List.of("search_ads", "35.0", "0.05", "0.12", "Search engine advertising"),
                List.of("display_ads", "20.0", "0.015", "0.05", "Display advertising banners"),
                List.of("affiliate", "45.0", "0.08", "0.35", "Affiliate marketing partnerships"),
                List.of("direct", "0.0", "0.12", "0.60", "Direct traffic and referrals")));
        rows.put("WAREHOUSES", List.of(
                List.of("WH_001", "West Coast", "25000", "Primary west coast distribution center"),
                List.of("WH_002", "East Coast", "30000", "Primary east coast distribution center"),
                List.of("WH_003", "Central", "20000", "Central region distribution center"),
                List.of("WH_004", "South", "18000", "Southern region distribution center")));
        List<List<String>> parameters = new java.util.ArrayList<>();
        if (version == Version.FIRST) {
            parameters.add(List.of("customer_pool_size", "5000", "NUMBER", "Number of consistent customers in the pool"));
        } else {
            parameters.addAll(List.of(
                    List.of("core_loyal_customers", "3500", "NUMBER", "Number of core loyal customers who continue spending forever"),
                    List.of("sliding_window_customers", "1000", "NUMBER", "Number of customers in the sliding window (join and churn)"),
                    List.of("sliding_window_days", "90", "NUMBER", "Number of days for sliding window customer lifecycle"),
                    List.of("new_customer_join_rate", "0.08", "NUMBER", "Probability of generating new customers in sliding window per run"),
                    List.of("sliding_customer_churn_rate", "0.03", "NUMBER", "Probability of sliding window customers churning per run")));
        }
        parameters.addAll(List.of(
                List.of("repeat_customer_probability", version == Version.FIRST ? "0.7" : "0.8", "NUMBER",
                        "Probability of selecting an existing customer for purchases"),
                List.of("customer_preference_probability", "0.6", "NUMBER", "Probability customer buys from preferred category"),
                List.of("income_correlation_premium", "11.5", "NUMBER", "Log-normal parameter for premium customer income"),
                List.of("income_correlation_regular", "11.0", "NUMBER", "Log-normal parameter for regular customer income"),
                List.of("income_correlation_occasional", "10.5", "NUMBER", "Log-normal parameter for occasional customer income"),
                List.of("age_mean", "42", "NUMBER", "Mean age for customer generation"),
                List.of("age_std", "15", "NUMBER", "Standard deviation for customer age"),
                List.of("price_range_min", "10", "NUMBER", "Minimum product price"),
                List.of("price_range_max", "500", "NUMBER", "Maximum product price"),
                List.of("tax_rate", "0.08", "NUMBER", "Tax rate applied to purchases"),
                List.of("shipping_cost_max", "15", "NUMBER", "Maximum shipping cost"),
                List.of("communication_channels", "[\"email\", \"sms\", \"push\", \"mail\"]", "ARRAY", "Available communication channels"),
                List.of("payment_methods", "[\"credit_card\", \"debit_card\", \"paypal\", \"apple_pay\", \"cash\"]", "ARRAY",
                        "Available payment methods"),
                List.of("platforms", "[\"web\", \"mobile_app\", \"in_store\", \"phone\"]", "ARRAY", "Available sales platforms"),
                List.of("device_types", "[\"desktop\", \"mobile\", \"tablet\", \"pos\"]", "ARRAY", "Available device types"),
                List.of("shipping_methods", "[\"standard\", \"express\", \"overnight\", \"pickup\"]", "ARRAY", "Available shipping methods")));
        rows.put("GENERATION_PARAMETERS", parameters);
        if (version == Version.LATER) {
            // the sliding window's upper bound is the epoch at which the seed's script ran
            rows.put("CUSTOMER_LIFECYCLE", List.of(
                    List.of("CORE_LOYAL", "1000000000", "1100000000", "3500", "TRUE", "0.001",
                            "Core loyal customers who continue spending forever with very low churn"),
                    List.of("SLIDING_WINDOW", "1700000000", "1764000000", "1000", "TRUE", "0.05",
                            "Sliding window customers who join and churn over time")));
        }
        return rows;
    }

    private static List<String> columns(String text) {
        return List.of(text.split(",\\s*"));
    }
}
