-- Part 8: the controls users call by name, with seed 001's names, arguments, result columns and call forms
-- (CALL for the procedures, SELECT * FROM TABLE(...) for DATA_SUMMARY, VIEW_REFERENCE_CONFIG and
-- ANALYZE_HISTORICAL_PATTERNS). START_PIPELINE and STOP_PIPELINE follow Snowflake's order (suspend the root first;
-- resume children before the root, which SYSTEM$TASK_DEPENDENTS_ENABLE does).
-- Fixed from the seed: CHECK_PIPELINE_STATUS looks in the schema the tasks are in (the seed's looked in RAW_DATA),
-- VIEW_RUN_SNAPSHOT has the lifecycle table and takes its component in any case, COMPARE_GENERATION_RUNS compares
-- every reference table, and VIEW_GENERATION_AUDIT, which the seed's README calls but the seed never defined, exists.

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.START_PIPELINE()
RETURNS STRING
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
BEGIN
    ALTER TASK <% database %>.<% control_schema %>.DATA_GENERATION_TASK SUSPEND;
    SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('<% database %>.<% control_schema %>.DATA_GENERATION_TASK');
    RETURN 'Pipeline started successfully! Data will be generated <% task_schedule_words %>.';
END;
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.STOP_PIPELINE()
RETURNS STRING
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
BEGIN
    ALTER TASK <% database %>.<% control_schema %>.DATA_GENERATION_TASK SUSPEND;
    ALTER TASK <% database %>.<% control_schema %>.BRONZE_TRANSFORMATION_TASK SUSPEND;
    ALTER TASK <% database %>.<% control_schema %>.GOLD_TRANSFORMATION_TASK SUSPEND;
    RETURN 'Pipeline stopped successfully';
END;
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.CHECK_PIPELINE_STATUS()
RETURNS TABLE (TASK_NAME STRING, STATE STRING, LAST_RUN TIMESTAMP_LTZ, SCHEDULE STRING, PREDECESSORS STRING)
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
DECLARE
    tasks RESULTSET;
BEGIN
    SHOW TASKS IN SCHEMA <% database %>.<% control_schema %>;
    tasks := (SELECT "name", "state", "last_committed_on", "schedule", "predecessors"::STRING
              FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))
              WHERE "name" IN ('DATA_GENERATION_TASK', 'BRONZE_TRANSFORMATION_TASK', 'GOLD_TRANSFORMATION_TASK')
              ORDER BY "name");
    RETURN TABLE(tasks);
END;
$$;

CREATE OR REPLACE FUNCTION <% database %>.<% control_schema %>.DATA_SUMMARY()
RETURNS TABLE (LAYER STRING, TABLE_NAME STRING, RECORD_COUNT INTEGER)
AS
$$
    SELECT layer, table_name, record_count FROM (
        SELECT 'Raw' AS layer, 'RAW_RETAIL_EVENTS' AS table_name, COUNT(*)::INTEGER AS record_count
        FROM <% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS
        UNION ALL SELECT 'Bronze', 'STG_CUSTOMERS', COUNT(*)::INTEGER FROM <% database %>.<% bronze_schema %>.STG_CUSTOMERS
        UNION ALL SELECT 'Bronze', 'STG_PURCHASES', COUNT(*)::INTEGER FROM <% database %>.<% bronze_schema %>.STG_PURCHASES
        UNION ALL SELECT 'Gold', 'DIM_CUSTOMERS', COUNT(*)::INTEGER FROM <% database %>.<% gold_schema %>.DIM_CUSTOMERS
        UNION ALL SELECT 'Gold', 'FCT_SALES', COUNT(*)::INTEGER FROM <% database %>.<% gold_schema %>.FCT_SALES)
    ORDER BY layer, table_name
$$;

CREATE OR REPLACE FUNCTION <% database %>.<% control_schema %>.VIEW_REFERENCE_CONFIG()
RETURNS TABLE (SECTION STRING, NAME STRING, VALUE OBJECT, DESCRIPTION STRING)
AS
$$
    SELECT section, name, value, description FROM (
        SELECT 'Customer Segments' AS section, '' AS name, NULL::OBJECT AS value, '' AS description
        UNION ALL SELECT 'SEGMENT', SEGMENT_NAME,
               OBJECT_CONSTRUCT('weight', WEIGHT, 'avg_order_value', AVG_ORDER_VALUE, 'purchase_frequency', PURCHASE_FREQUENCY),
               DESCRIPTION
        FROM <% database %>.<% reference_schema %>.CUSTOMER_SEGMENTS
        UNION ALL SELECT 'Product Categories', '', NULL, ''
        UNION ALL SELECT 'CATEGORY', CATEGORY_NAME,
               OBJECT_CONSTRUCT('seasonal_peaks', SEASONAL_PEAK_MONTHS, 'margin_rate', MARGIN_RATE, 'return_rate', RETURN_RATE),
               DESCRIPTION
        FROM <% database %>.<% reference_schema %>.PRODUCT_CATEGORIES
        UNION ALL SELECT 'Generation Parameters', '', NULL, ''
        UNION ALL SELECT 'PARAMETER', PARAMETER_NAME, OBJECT_CONSTRUCT('type', PARAMETER_TYPE, 'value', PARAMETER_VALUE),
               DESCRIPTION
        FROM <% database %>.<% reference_schema %>.GENERATION_PARAMETERS
        UNION ALL SELECT 'Marketing Channels', '', NULL, ''
        UNION ALL SELECT 'CHANNEL', CHANNEL_NAME,
               OBJECT_CONSTRUCT('cost_per_acquisition', COST_PER_ACQUISITION, 'conversion_rate', CONVERSION_RATE,
                                'engagement_rate', ENGAGEMENT_RATE),
               DESCRIPTION
        FROM <% database %>.<% reference_schema %>.MARKETING_CHANNELS
        UNION ALL SELECT 'Warehouses', '', NULL, ''
        UNION ALL SELECT 'WAREHOUSE', WAREHOUSE_ID, OBJECT_CONSTRUCT('location', LOCATION_NAME, 'capacity', CAPACITY), DESCRIPTION
        FROM <% database %>.<% reference_schema %>.WAREHOUSES
        UNION ALL SELECT 'Customer Lifecycle', '', NULL, ''
        UNION ALL SELECT 'LIFECYCLE', CUSTOMER_TYPE,
               OBJECT_CONSTRUCT('min_epoch', MIN_CUSTOMER_ID_EPOCH, 'max_epoch', MAX_CUSTOMER_ID_EPOCH,
                                'customer_count', CUSTOMER_COUNT, 'is_active', IS_ACTIVE,
                                'churn_probability', CHURN_PROBABILITY),
               DESCRIPTION
        FROM <% database %>.<% reference_schema %>.CUSTOMER_LIFECYCLE)
    ORDER BY section, name
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.VIEW_GENERATION_AUDIT(N INTEGER DEFAULT 20)
RETURNS TABLE (RUN_ID STRING, RUN_TIMESTAMP TIMESTAMP_NTZ, EXECUTION_STATUS STRING, EVENTS_REQUESTED INTEGER,
               EVENTS_GENERATED INTEGER, EXECUTION_TIME_SECONDS FLOAT, CONFIG_CHANGED BOOLEAN, ERROR_MESSAGE STRING)
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
DECLARE
    runs RESULTSET;
BEGIN
    runs := (SELECT RUN_ID, RUN_TIMESTAMP, EXECUTION_STATUS,
                    COALESCE(CUSTOMER_EVENTS_REQUESTED, 0) + COALESCE(PURCHASE_EVENTS_REQUESTED, 0)
                        + COALESCE(MARKETING_EVENTS_REQUESTED, 0) + COALESCE(SUPPLY_CHAIN_EVENTS_REQUESTED, 0),
                    EVENTS_GENERATED, EXECUTION_TIME_SECONDS,
                    COALESCE(CONCAT_WS('|', CUSTOMER_SEGMENTS_CHECKSUM, PRODUCT_CATEGORIES_CHECKSUM,
                                       MARKETING_CHANNELS_CHECKSUM, WAREHOUSES_CHECKSUM, GENERATION_PARAMETERS_CHECKSUM,
                                       COALESCE(CUSTOMER_LIFECYCLE_CHECKSUM, ''))
                             <> LAG(CONCAT_WS('|', CUSTOMER_SEGMENTS_CHECKSUM, PRODUCT_CATEGORIES_CHECKSUM,
                                              MARKETING_CHANNELS_CHECKSUM, WAREHOUSES_CHECKSUM,
                                              GENERATION_PARAMETERS_CHECKSUM, COALESCE(CUSTOMER_LIFECYCLE_CHECKSUM, '')))
                                OVER (ORDER BY RUN_TIMESTAMP), FALSE),
                    ERROR_MESSAGE
             FROM <% database %>.<% reference_schema %>.DATA_GENERATION_AUDIT
             QUALIFY ROW_NUMBER() OVER (ORDER BY RUN_TIMESTAMP DESC) <= :N
             ORDER BY RUN_TIMESTAMP DESC);
    RETURN TABLE(runs);
END;
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.COMPARE_GENERATION_RUNS(RUN_ID_1 STRING, RUN_ID_2 STRING)
RETURNS TABLE (COMPONENT STRING, STATUS STRING, DETAILS STRING)
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
DECLARE
    comparison RESULTSET;
BEGIN
    comparison := (
        WITH a AS (SELECT * FROM <% database %>.<% reference_schema %>.DATA_GENERATION_AUDIT WHERE RUN_ID = :RUN_ID_1),
             b AS (SELECT * FROM <% database %>.<% reference_schema %>.DATA_GENERATION_AUDIT WHERE RUN_ID = :RUN_ID_2),
             pairs AS (
                SELECT 1 AS N, 'Customer Segments' AS COMPONENT, a.CUSTOMER_SEGMENTS_CHECKSUM AS C1,
                       b.CUSTOMER_SEGMENTS_CHECKSUM AS C2 FROM a, b
                UNION ALL SELECT 2, 'Product Categories', a.PRODUCT_CATEGORIES_CHECKSUM, b.PRODUCT_CATEGORIES_CHECKSUM FROM a, b
                UNION ALL SELECT 3, 'Generation Parameters', a.GENERATION_PARAMETERS_CHECKSUM, b.GENERATION_PARAMETERS_CHECKSUM FROM a, b
                UNION ALL SELECT 4, 'Marketing Channels', a.MARKETING_CHANNELS_CHECKSUM, b.MARKETING_CHANNELS_CHECKSUM FROM a, b
                UNION ALL SELECT 5, 'Warehouses', a.WAREHOUSES_CHECKSUM, b.WAREHOUSES_CHECKSUM FROM a, b
                UNION ALL SELECT 6, 'Customer Lifecycle', a.CUSTOMER_LIFECYCLE_CHECKSUM, b.CUSTOMER_LIFECYCLE_CHECKSUM FROM a, b)
        SELECT COMPONENT, STATUS, DETAILS FROM (
            SELECT 0 AS N, 'Run Info' AS COMPONENT, 'INFO' AS STATUS,
                   CONCAT('Run 1: ', a.RUN_TIMESTAMP, ' | Run 2: ', b.RUN_TIMESTAMP) AS DETAILS
            FROM a, b
            UNION ALL
            SELECT N, COMPONENT, IFF(EQUAL_NULL(C1, C2), 'UNCHANGED', 'CHANGED'),
                   IFF(EQUAL_NULL(C1, C2), 'No changes detected',
                       CONCAT('Checksum changed: ', COALESCE(C1, 'none'), ' → ', COALESCE(C2, 'none')))
            FROM pairs)
        ORDER BY N);
    RETURN TABLE(comparison);
END;
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.VIEW_RUN_SNAPSHOT(RUN_ID_INPUT STRING, COMPONENT STRING DEFAULT 'ALL')
RETURNS TABLE (COMPONENT_NAME STRING, DATA_SNAPSHOT VARIANT)
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
DECLARE
    snapshot RESULTSET;
BEGIN
    snapshot := (
        WITH r AS (SELECT * FROM <% database %>.<% reference_schema %>.DATA_GENERATION_AUDIT WHERE RUN_ID = :RUN_ID_INPUT),
        c AS (
            SELECT 1 AS N, 'CUSTOMER_SEGMENTS' AS ID, 'Customer Segments' AS LABEL, CUSTOMER_SEGMENTS_SNAPSHOT AS SNAPSHOT FROM r
            UNION ALL SELECT 2, 'PRODUCT_CATEGORIES', 'Product Categories', PRODUCT_CATEGORIES_SNAPSHOT FROM r
            UNION ALL SELECT 3, 'MARKETING_CHANNELS', 'Marketing Channels', MARKETING_CHANNELS_SNAPSHOT FROM r
            UNION ALL SELECT 4, 'WAREHOUSES', 'Warehouses', WAREHOUSES_SNAPSHOT FROM r
            UNION ALL SELECT 5, 'GENERATION_PARAMETERS', 'Generation Parameters', GENERATION_PARAMETERS_SNAPSHOT FROM r
            UNION ALL SELECT 6, 'CUSTOMER_LIFECYCLE', 'Customer Lifecycle', CUSTOMER_LIFECYCLE_SNAPSHOT FROM r)
        SELECT LABEL AS COMPONENT_NAME, SNAPSHOT AS DATA_SNAPSHOT FROM c
        WHERE UPPER(:COMPONENT) IN ('ALL', ID)
        ORDER BY N);
    RETURN TABLE(snapshot);
END;
$$;

CREATE OR REPLACE FUNCTION <% database %>.<% control_schema %>.ANALYZE_HISTORICAL_PATTERNS()
RETURNS TABLE (METRIC STRING, TIME_PERIOD STRING, VALUE FLOAT, DESCRIPTION STRING)
AS
$$
    WITH recent AS (
        SELECT EVENT_TYPE, TIMESTAMP, IFF(IS_VARCHAR(RAW_DATA), PARSE_JSON(RAW_DATA::STRING), RAW_DATA) AS J
        FROM <% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS
        WHERE TIMESTAMP >= DATEADD('day', -30, SYSDATE()::DATE))
    SELECT metric, time_period, value, description FROM (
        SELECT 'Daily Events' AS metric, TO_CHAR(DATE(TIMESTAMP), 'YYYY-MM-DD') AS time_period, COUNT(*)::FLOAT AS value,
               'Number of events per day' AS description
        FROM recent GROUP BY DATE(TIMESTAMP)
        UNION ALL
        SELECT 'Weekly Revenue', TO_CHAR(DATE_TRUNC('week', DATE(TIMESTAMP)), 'YYYY-MM-DD'),
               SUM(J:data.pricing.final_total::FLOAT), 'Total revenue per week'
        FROM recent WHERE EVENT_TYPE = 'purchase' GROUP BY DATE_TRUNC('week', DATE(TIMESTAMP))
        UNION ALL
        SELECT 'New Customers', TO_CHAR(DATE(TIMESTAMP), 'YYYY-MM-DD'), COUNT(DISTINCT J:customer_id::STRING),
               'Unique customers per day'
        FROM recent WHERE EVENT_TYPE IN ('customer_profile', 'customer_profile_update') GROUP BY DATE(TIMESTAMP))
    ORDER BY metric, time_period
$$;
