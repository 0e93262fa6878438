-- Part 7: the controls, with the Snowflake version's names.

-- Where this database has pg_cron, starting also schedules a pg_cron job that runs due tasks every minute
-- (cron.schedule replaces a job of the same name); otherwise SnowPulse's scheduler runs them while SnowPulse runs.
CREATE OR REPLACE FUNCTION <% control_schema %>.start_pipeline()
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    UPDATE <% control_schema %>.tasks SET state = 'started',
        next_run = CASE WHEN predecessor IS NULL THEN now() + schedule END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
        PERFORM cron.schedule('snowpulse-retail-pipeline', '* * * * *', 'CALL <% control_schema %>.run_due()');
        RETURN 'pipeline started: DATA_GENERATION_TASK, BRONZE_TRANSFORMATION_TASK and GOLD_TRANSFORMATION_TASK resumed; '
            || 'pg_cron runs them';
    END IF;
    RETURN 'pipeline started: DATA_GENERATION_TASK, BRONZE_TRANSFORMATION_TASK and GOLD_TRANSFORMATION_TASK resumed';
END;
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.stop_pipeline()
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    UPDATE <% control_schema %>.tasks SET state = 'suspended', next_run = NULL;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
        PERFORM cron.unschedule(jobid) FROM cron.job WHERE jobname = 'snowpulse-retail-pipeline';
    END IF;
    RETURN 'pipeline stopped: all three tasks suspended';
END;
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.check_pipeline_status()
RETURNS TABLE (task_name text, state text, schedule interval, predecessor text, next_run timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT task_name, state, schedule, predecessor, next_run FROM <% control_schema %>.tasks ORDER BY created_at, task_name
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.data_summary()
RETURNS TABLE (layer text, table_name text, record_count bigint) LANGUAGE sql STABLE AS $$
    SELECT 'raw', 'RAW_RETAIL_EVENTS', count(*) FROM <% raw_schema %>.raw_retail_events
    UNION ALL SELECT 'bronze', 'STG_CUSTOMERS', count(*) FROM <% bronze_schema %>.stg_customers
    UNION ALL SELECT 'bronze', 'STG_PURCHASES', count(*) FROM <% bronze_schema %>.stg_purchases
    UNION ALL SELECT 'gold', 'DIM_CUSTOMERS', count(*) FROM <% gold_schema %>.dim_customers
    UNION ALL SELECT 'gold', 'FCT_SALES', count(*) FROM <% gold_schema %>.fct_sales
    UNION ALL SELECT 'audit', 'DATA_GENERATION_AUDIT', count(*) FROM <% reference_schema %>.data_generation_audit
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.view_reference_config()
RETURNS TABLE (section text, name text, value jsonb, description text) LANGUAGE sql STABLE AS $$
    SELECT 'CUSTOMER_SEGMENTS', segment_name, jsonb_build_object('weight', weight, 'avg_order_value', avg_order_value,
           'purchase_frequency', purchase_frequency), description
    FROM <% reference_schema %>.customer_segments
    UNION ALL SELECT 'PRODUCT_CATEGORIES', category_name, jsonb_build_object('seasonal_peak_months', seasonal_peak_months::jsonb,
           'margin_rate', margin_rate, 'return_rate', return_rate), description
    FROM <% reference_schema %>.product_categories
    UNION ALL SELECT 'MARKETING_CHANNELS', channel_name, jsonb_build_object('cost_per_acquisition', cost_per_acquisition,
           'conversion_rate', conversion_rate, 'engagement_rate', engagement_rate), NULL
    FROM <% reference_schema %>.marketing_channels
    UNION ALL SELECT 'WAREHOUSES', warehouse_id, jsonb_build_object('location_name', location_name, 'capacity', capacity), NULL
    FROM <% reference_schema %>.warehouses
    UNION ALL SELECT 'GENERATION_PARAMETERS', parameter_name, jsonb_build_object('value', parameter_value, 'type', parameter_type),
           description
    FROM <% reference_schema %>.generation_parameters
    UNION ALL SELECT 'CUSTOMER_LIFECYCLE', lifecycle_stage, jsonb_build_object('share', share, 'churn_rate', churn_rate,
           'active_days', active_days), description
    FROM <% reference_schema %>.customer_lifecycle
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.view_generation_audit(n integer DEFAULT 20)
RETURNS TABLE (run_id text, run_timestamp timestamptz, execution_status text, events_requested integer,
               events_generated integer, execution_time_seconds double precision, config_changed boolean, error_message text)
LANGUAGE sql STABLE AS $$
    SELECT run_id, run_timestamp, execution_status, requested, events_generated, execution_time_seconds,
           coalesce(sums IS DISTINCT FROM lag(sums) OVER (ORDER BY run_timestamp)
                    AND lag(sums) OVER (ORDER BY run_timestamp) IS NOT NULL, false),
           error_message
    FROM (SELECT a.*, customer_events_requested + purchase_events_requested + marketing_events_requested
                      + supply_chain_events_requested AS requested,
                 concat_ws('|', customer_segments_checksum, product_categories_checksum, marketing_channels_checksum,
                           warehouses_checksum, generation_parameters_checksum, customer_lifecycle_checksum) AS sums
          FROM <% reference_schema %>.data_generation_audit a) runs
    ORDER BY run_timestamp DESC
    LIMIT n
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.compare_generation_runs(run1 text, run2 text)
RETURNS TABLE (component text, status text, details text) LANGUAGE sql STABLE AS $$
    WITH a AS (SELECT * FROM <% reference_schema %>.data_generation_audit WHERE run_id = run1),
         b AS (SELECT * FROM <% reference_schema %>.data_generation_audit WHERE run_id = run2),
         pairs AS (
            SELECT 'CUSTOMER_SEGMENTS' AS component, a.customer_segments_checksum AS c1, b.customer_segments_checksum AS c2 FROM a, b
            UNION ALL SELECT 'PRODUCT_CATEGORIES', a.product_categories_checksum, b.product_categories_checksum FROM a, b
            UNION ALL SELECT 'MARKETING_CHANNELS', a.marketing_channels_checksum, b.marketing_channels_checksum FROM a, b
            UNION ALL SELECT 'WAREHOUSES', a.warehouses_checksum, b.warehouses_checksum FROM a, b
            UNION ALL SELECT 'GENERATION_PARAMETERS', a.generation_parameters_checksum, b.generation_parameters_checksum FROM a, b
            UNION ALL SELECT 'CUSTOMER_LIFECYCLE', a.customer_lifecycle_checksum, b.customer_lifecycle_checksum FROM a, b)
    SELECT component, CASE WHEN c1 IS NOT DISTINCT FROM c2 THEN 'UNCHANGED' ELSE 'CHANGED' END,
           CASE WHEN c1 IS NOT DISTINCT FROM c2 THEN 'checksum ' || coalesce(c1, 'none')
                ELSE 'checksum ' || coalesce(c1, 'none') || ' -> ' || coalesce(c2, 'none') END
    FROM pairs
    UNION ALL
    SELECT 'RUNS', 'INFO', 'runs found: ' || ((SELECT count(*) FROM a) + (SELECT count(*) FROM b)) || ' of 2'
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.view_run_snapshot(p_run_id text, p_component text DEFAULT 'ALL')
RETURNS TABLE (component text, snapshot jsonb) LANGUAGE sql STABLE AS $$
    SELECT s.component, s.snapshot
    FROM <% reference_schema %>.data_generation_audit a
    CROSS JOIN LATERAL (VALUES
        ('CUSTOMER_SEGMENTS', a.customer_segments_snapshot),
        ('PRODUCT_CATEGORIES', a.product_categories_snapshot),
        ('MARKETING_CHANNELS', a.marketing_channels_snapshot),
        ('WAREHOUSES', a.warehouses_snapshot),
        ('GENERATION_PARAMETERS', a.generation_parameters_snapshot),
        ('CUSTOMER_LIFECYCLE', a.customer_lifecycle_snapshot)) AS s (component, snapshot)
    WHERE a.run_id = p_run_id AND (upper(p_component) = 'ALL' OR s.component = upper(p_component))
$$;
