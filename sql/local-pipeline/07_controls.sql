-- Part 7: the controls, with the Snowflake version's names, result columns and values (functions here: select * from
-- them, where Snowflake CALLs its procedures).

-- Where this database has pg_cron, starting also schedules a pg_cron job that runs due tasks every minute
-- (cron.schedule replaces a job of the same name); otherwise SnowPulse's scheduler runs them while SnowPulse runs.
CREATE OR REPLACE FUNCTION <% control_schema %>.start_pipeline()
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    UPDATE <% control_schema %>.tasks SET state = 'started',
        next_run = CASE WHEN predecessor IS NULL THEN now() + schedule END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
        PERFORM cron.schedule('snowpulse-retail-pipeline', '* * * * *', 'CALL <% control_schema %>.run_due()');
        RETURN 'Pipeline started successfully! Data will be generated <% task_schedule_words %>. pg_cron runs the tasks.';
    END IF;
    RETURN 'Pipeline started successfully! Data will be generated <% task_schedule_words %>.';
END;
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.stop_pipeline()
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    UPDATE <% control_schema %>.tasks SET state = 'suspended', next_run = NULL;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
        PERFORM cron.unschedule(jobid) FROM cron.job WHERE jobname = 'snowpulse-retail-pipeline';
    END IF;
    RETURN 'Pipeline stopped successfully';
END;
$$;

-- An earlier SnowPulse's versions of these returned other columns (or named their arguments otherwise), which
-- CREATE OR REPLACE cannot change: they go first. They are code, not data.
DROP FUNCTION IF EXISTS <% control_schema %>.check_pipeline_status();
DROP FUNCTION IF EXISTS <% control_schema %>.data_summary();
DROP FUNCTION IF EXISTS <% control_schema %>.view_generation_audit(integer);
DROP FUNCTION IF EXISTS <% control_schema %>.compare_generation_runs(text, text);
DROP FUNCTION IF EXISTS <% control_schema %>.view_run_snapshot(text, text);

CREATE OR REPLACE FUNCTION <% control_schema %>.check_pipeline_status()
RETURNS TABLE (task_name text, state text, last_run timestamptz, schedule interval, predecessors text)
LANGUAGE sql STABLE AS $$
    SELECT t.task_name, t.state,
           (SELECT max(h.completed_time) FROM <% control_schema %>.task_history h
            WHERE h.task_name = t.task_name AND h.state = 'SUCCEEDED'),
           t.schedule, t.predecessor
    FROM <% control_schema %>.tasks t ORDER BY t.task_name
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.data_summary()
RETURNS TABLE (layer text, table_name text, record_count integer) LANGUAGE sql STABLE AS $$
    SELECT * FROM (
        SELECT 'Raw' AS layer, 'RAW_RETAIL_EVENTS' AS table_name, count(*)::integer AS record_count
        FROM <% raw_schema %>.raw_retail_events
        UNION ALL SELECT 'Bronze', 'STG_CUSTOMERS', count(*)::integer FROM <% bronze_schema %>.stg_customers
        UNION ALL SELECT 'Bronze', 'STG_PURCHASES', count(*)::integer FROM <% bronze_schema %>.stg_purchases
        UNION ALL SELECT 'Gold', 'DIM_CUSTOMERS', count(*)::integer FROM <% gold_schema %>.dim_customers
        UNION ALL SELECT 'Gold', 'FCT_SALES', count(*)::integer FROM <% gold_schema %>.fct_sales) counts
    ORDER BY layer, table_name
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.view_reference_config()
RETURNS TABLE (section text, name text, value jsonb, description text) LANGUAGE sql STABLE AS $$
    SELECT * FROM (
        SELECT 'Customer Segments' AS section, '' AS name, NULL::jsonb AS value, '' AS description
        UNION ALL SELECT 'SEGMENT', segment_name, jsonb_build_object('weight', weight, 'avg_order_value', avg_order_value,
               'purchase_frequency', purchase_frequency), description
        FROM <% reference_schema %>.customer_segments
        UNION ALL SELECT 'Product Categories', '', NULL, ''
        UNION ALL SELECT 'CATEGORY', category_name, jsonb_build_object('seasonal_peaks', seasonal_peak_months,
               'margin_rate', margin_rate, 'return_rate', return_rate), description
        FROM <% reference_schema %>.product_categories
        UNION ALL SELECT 'Generation Parameters', '', NULL, ''
        UNION ALL SELECT 'PARAMETER', parameter_name, jsonb_build_object('type', parameter_type, 'value', parameter_value),
               description
        FROM <% reference_schema %>.generation_parameters
        UNION ALL SELECT 'Marketing Channels', '', NULL, ''
        UNION ALL SELECT 'CHANNEL', channel_name, jsonb_build_object('cost_per_acquisition', cost_per_acquisition,
               'conversion_rate', conversion_rate, 'engagement_rate', engagement_rate), description
        FROM <% reference_schema %>.marketing_channels
        UNION ALL SELECT 'Warehouses', '', NULL, ''
        UNION ALL SELECT 'WAREHOUSE', warehouse_id, jsonb_build_object('location', location_name, 'capacity', capacity),
               description
        FROM <% reference_schema %>.warehouses
        UNION ALL SELECT 'Customer Lifecycle', '', NULL, ''
        UNION ALL SELECT 'LIFECYCLE', customer_type, jsonb_build_object('min_epoch', min_customer_id_epoch,
               'max_epoch', max_customer_id_epoch, 'customer_count', customer_count, 'is_active', is_active,
               'churn_probability', churn_probability), description
        FROM <% reference_schema %>.customer_lifecycle) config
    ORDER BY section, name
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.view_generation_audit(n integer DEFAULT 20)
RETURNS TABLE (run_id text, run_timestamp timestamp, execution_status text, events_requested integer,
               events_generated integer, execution_time_seconds double precision, config_changed boolean, error_message text)
LANGUAGE sql STABLE AS $$
    SELECT run_id, run_timestamp, execution_status, requested, events_generated, execution_time_seconds,
           coalesce(sums IS DISTINCT FROM lag(sums) OVER (ORDER BY run_timestamp)
                    AND lag(sums) OVER (ORDER BY run_timestamp) IS NOT NULL, false),
           error_message
    FROM (SELECT a.*, coalesce(customer_events_requested, 0) + coalesce(purchase_events_requested, 0)
                      + coalesce(marketing_events_requested, 0) + coalesce(supply_chain_events_requested, 0) AS requested,
                 concat_ws('|', customer_segments_checksum, product_categories_checksum, marketing_channels_checksum,
                           warehouses_checksum, generation_parameters_checksum, customer_lifecycle_checksum) AS sums
          FROM <% reference_schema %>.data_generation_audit a) runs
    ORDER BY run_timestamp DESC
    LIMIT n
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.compare_generation_runs(run_id_1 text, run_id_2 text)
RETURNS TABLE (component text, status text, details text) LANGUAGE sql STABLE AS $$
    WITH a AS (SELECT * FROM <% reference_schema %>.data_generation_audit WHERE run_id = run_id_1),
         b AS (SELECT * FROM <% reference_schema %>.data_generation_audit WHERE run_id = run_id_2),
         pairs AS (
            SELECT 1 AS n, 'Customer Segments' AS component, a.customer_segments_checksum AS c1,
                   b.customer_segments_checksum AS c2 FROM a, b
            UNION ALL SELECT 2, 'Product Categories', a.product_categories_checksum, b.product_categories_checksum FROM a, b
            UNION ALL SELECT 3, 'Generation Parameters', a.generation_parameters_checksum, b.generation_parameters_checksum FROM a, b
            UNION ALL SELECT 4, 'Marketing Channels', a.marketing_channels_checksum, b.marketing_channels_checksum FROM a, b
            UNION ALL SELECT 5, 'Warehouses', a.warehouses_checksum, b.warehouses_checksum FROM a, b
            UNION ALL SELECT 6, 'Customer Lifecycle', a.customer_lifecycle_checksum, b.customer_lifecycle_checksum FROM a, b)
    SELECT component, status, details FROM (
        SELECT 0 AS n, 'Run Info' AS component, 'INFO' AS status,
               'Run 1: ' || a.run_timestamp || ' | Run 2: ' || b.run_timestamp AS details
        FROM a, b
        UNION ALL
        SELECT n, component, CASE WHEN c1 IS NOT DISTINCT FROM c2 THEN 'UNCHANGED' ELSE 'CHANGED' END,
               CASE WHEN c1 IS NOT DISTINCT FROM c2 THEN 'No changes detected'
                    ELSE 'Checksum changed: ' || coalesce(c1, 'none') || ' → ' || coalesce(c2, 'none') END
        FROM pairs) rows
    ORDER BY n
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.view_run_snapshot(run_id_input text, component text DEFAULT 'ALL')
RETURNS TABLE (component_name text, data_snapshot jsonb) LANGUAGE sql STABLE AS $$
    SELECT s.label, s.snapshot
    FROM <% reference_schema %>.data_generation_audit a
    CROSS JOIN LATERAL (VALUES
        (1, 'CUSTOMER_SEGMENTS', 'Customer Segments', a.customer_segments_snapshot),
        (2, 'PRODUCT_CATEGORIES', 'Product Categories', a.product_categories_snapshot),
        (3, 'MARKETING_CHANNELS', 'Marketing Channels', a.marketing_channels_snapshot),
        (4, 'WAREHOUSES', 'Warehouses', a.warehouses_snapshot),
        (5, 'GENERATION_PARAMETERS', 'Generation Parameters', a.generation_parameters_snapshot),
        (6, 'CUSTOMER_LIFECYCLE', 'Customer Lifecycle', a.customer_lifecycle_snapshot)) AS s (n, id, label, snapshot)
    WHERE a.run_id = run_id_input AND upper(view_run_snapshot.component) IN ('ALL', s.id)
    ORDER BY s.n
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.analyze_historical_patterns()
RETURNS TABLE (metric text, time_period text, value double precision, description text) LANGUAGE sql STABLE AS $$
    WITH recent AS (
        SELECT event_type, "timestamp",
               CASE WHEN jsonb_typeof(raw_data) = 'string' THEN (raw_data #>> '{}')::jsonb ELSE raw_data END AS j
        FROM <% raw_schema %>.raw_retail_events
        WHERE "timestamp" >= timezone('UTC', now())::date - 30)
    SELECT * FROM (
        SELECT 'Daily Events' AS metric, to_char("timestamp"::date, 'YYYY-MM-DD') AS time_period,
               count(*)::double precision AS value, 'Number of events per day' AS description
        FROM recent GROUP BY "timestamp"::date
        UNION ALL
        SELECT 'Weekly Revenue', to_char(date_trunc('week', "timestamp"::date), 'YYYY-MM-DD'),
               sum((j -> 'data' -> 'pricing' ->> 'final_total')::double precision), 'Total revenue per week'
        FROM recent WHERE event_type = 'purchase' GROUP BY date_trunc('week', "timestamp"::date)
        UNION ALL
        SELECT 'New Customers', to_char("timestamp"::date, 'YYYY-MM-DD'), count(DISTINCT j ->> 'customer_id'),
               'Unique customers per day'
        FROM recent WHERE event_type IN ('customer_profile', 'customer_profile_update') GROUP BY "timestamp"::date) m
    ORDER BY metric, time_period
$$;
