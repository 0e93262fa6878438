-- Part 3: the event generator. It honours all four event counts and every knob of the reference tables (segment
-- weights and order values, seasonal peaks, repeat-customer probability, tax, discount, shipping, payment methods,
-- channels, warehouses), and writes one audit row per run with a jsonb snapshot and an MD5 checksum of each reference
-- table, failed runs included: a failure rolls back the run's events but not its audit row.

-- A number in [0, 1) fixed by a text: the same customer always gets the same attributes.
CREATE OR REPLACE FUNCTION <% control_schema %>.stable_fraction(p_text text, p_salt text)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT (('x' || substr(md5(p_text || ':' || p_salt), 1, 8))::bit(32)::bigint & 2147483647)::double precision / 2147483648.0
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.customer_profile(p_customer_id text)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    WITH segments AS (
        SELECT segment_name, avg_order_value, purchase_frequency,
               sum(weight) OVER (ORDER BY segment_name) / nullif(sum(weight) OVER (), 0) AS upto
        FROM <% reference_schema %>.customer_segments),
    segment AS (
        SELECT * FROM segments WHERE upto >= <% control_schema %>.stable_fraction(p_customer_id, 'segment')
        ORDER BY upto LIMIT 1),
    stages AS (
        SELECT lifecycle_stage, sum(share) OVER (ORDER BY lifecycle_stage) / nullif(sum(share) OVER (), 0) AS upto
        FROM <% reference_schema %>.customer_lifecycle)
    SELECT jsonb_build_object(
        'customer_id', p_customer_id,
        'segment', segment.segment_name,
        'lifecycle_stage', coalesce((SELECT lifecycle_stage FROM stages
                                     WHERE upto >= <% control_schema %>.stable_fraction(p_customer_id, 'stage')
                                     ORDER BY upto LIMIT 1), 'core_loyal'),
        'age', 18 + floor(<% control_schema %>.stable_fraction(p_customer_id, 'age') * 63)::int,
        'income', (20 + floor(<% control_schema %>.stable_fraction(p_customer_id, 'income') * 231)::int) * 1000,
        'location', jsonb_build_object(
            'city', (ARRAY['Seattle', 'Austin', 'Boston', 'Denver', 'Miami', 'Chicago'])
                    [1 + floor(<% control_schema %>.stable_fraction(p_customer_id, 'city') * 6)::int],
            'country', 'US'),
        'behavior', jsonb_build_object(
            'purchase_frequency', segment.purchase_frequency,
            'avg_order_value', segment.avg_order_value,
            'email_open_rate', round((0.05 + <% control_schema %>.stable_fraction(p_customer_id, 'email') * 0.55)::numeric, 3)),
        'preferences', jsonb_build_object('newsletter', <% control_schema %>.stable_fraction(p_customer_id, 'news') < 0.5))
    FROM segment
$$;

-- The reference tables as jsonb arrays of rows in key order, with their MD5 checksums.
CREATE OR REPLACE FUNCTION <% control_schema %>.reference_snapshot()
RETURNS TABLE (component text, snapshot jsonb, checksum text) LANGUAGE sql STABLE AS $$
    WITH snaps AS (
        SELECT 'CUSTOMER_SEGMENTS' AS component, coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.segment_name), '[]') AS snapshot
        FROM <% reference_schema %>.customer_segments t
        UNION ALL SELECT 'PRODUCT_CATEGORIES', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.category_name), '[]')
        FROM <% reference_schema %>.product_categories t
        UNION ALL SELECT 'MARKETING_CHANNELS', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.channel_name), '[]')
        FROM <% reference_schema %>.marketing_channels t
        UNION ALL SELECT 'WAREHOUSES', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.warehouse_id), '[]')
        FROM <% reference_schema %>.warehouses t
        UNION ALL SELECT 'GENERATION_PARAMETERS', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.parameter_name), '[]')
        FROM <% reference_schema %>.generation_parameters t
        UNION ALL SELECT 'CUSTOMER_LIFECYCLE', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.lifecycle_stage), '[]')
        FROM <% reference_schema %>.customer_lifecycle t)
    SELECT component, snapshot, md5(snapshot::text) FROM snaps
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.generate_retail_data(
    customer_events integer DEFAULT 20,
    purchase_events integer DEFAULT 50,
    marketing_events integer DEFAULT 0,
    supply_chain_events integer DEFAULT 0)
RETURNS TABLE (run_id text, execution_status text, events_generated integer, message text)
LANGUAGE plpgsql AS $$
DECLARE
    v_run text := gen_random_uuid()::text;
    v_started timestamptz := clock_timestamp();
    v_now timestamptz := now();
    v_generated integer := 0;
    v_status text := 'SUCCESS';
    v_error text;
    v_pool bigint;
    v_repeat double precision;
    v_tax double precision;
    v_max_discount double precision;
    v_free_over double precision;
    v_shipping_cost double precision;
    v_max_items integer;
    v_methods jsonb;
    v_customer text;
    v_profile jsonb;
    v_category record;
    v_channel text;
    v_warehouse text;
    v_quantity integer;
    v_unit_price numeric;
    v_subtotal numeric;
    v_discount numeric;
    v_tax_amount numeric;
    v_shipping numeric;
    v_pick double precision;
BEGIN
    BEGIN
        IF least(customer_events, purchase_events, marketing_events, supply_chain_events) < 0 THEN
            RAISE EXCEPTION 'event counts must not be negative' USING ERRCODE = '22023';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM <% reference_schema %>.customer_segments)
           OR NOT EXISTS (SELECT 1 FROM <% reference_schema %>.product_categories) THEN
            RAISE EXCEPTION 'CUSTOMER_SEGMENTS and PRODUCT_CATEGORIES need at least one row each' USING ERRCODE = '22023';
        END IF;
        IF marketing_events > 0 AND NOT EXISTS (SELECT 1 FROM <% reference_schema %>.marketing_channels) THEN
            RAISE EXCEPTION 'MARKETING_CHANNELS has no rows, so no marketing events can be made' USING ERRCODE = '22023';
        END IF;
        IF supply_chain_events > 0 AND NOT EXISTS (SELECT 1 FROM <% reference_schema %>.warehouses) THEN
            RAISE EXCEPTION 'WAREHOUSES has no rows, so no supply chain events can be made' USING ERRCODE = '22023';
        END IF;
        SELECT coalesce(max((parameter_value #>> '{}')::double precision) FILTER (WHERE parameter_name = 'repeat_customer_probability'), 0.8),
               coalesce(max((parameter_value #>> '{}')::double precision) FILTER (WHERE parameter_name = 'tax_rate'), 0.08),
               coalesce(max((parameter_value #>> '{}')::double precision) FILTER (WHERE parameter_name = 'max_discount_rate'), 0.3),
               coalesce(max((parameter_value #>> '{}')::double precision) FILTER (WHERE parameter_name = 'free_shipping_threshold'), 50),
               coalesce(max((parameter_value #>> '{}')::double precision) FILTER (WHERE parameter_name = 'shipping_cost'), 7.99),
               coalesce(max((parameter_value #>> '{}')::integer) FILTER (WHERE parameter_name = 'max_items_per_order'), 5),
               coalesce((array_agg(parameter_value) FILTER (WHERE parameter_name = 'payment_methods'))[1], '["credit_card"]')
          INTO v_repeat, v_tax, v_max_discount, v_free_over, v_shipping_cost, v_max_items, v_methods
          FROM <% reference_schema %>.generation_parameters;

        INSERT INTO <% raw_schema %>.raw_retail_events (event_id, event_type, "timestamp", raw_data, run_id)
        SELECT gen_random_uuid(), 'customer_profile', v_now,
               <% control_schema %>.customer_profile('CUST-' || lpad(nextval('<% raw_schema %>.customer_numbers')::text, 7, '0')), v_run
        FROM generate_series(1, customer_events) g;
        SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO v_pool FROM <% raw_schema %>.customer_numbers;

        FOR i IN 1..purchase_events LOOP
            IF v_pool > 0 AND random() < v_repeat THEN
                v_customer := 'CUST-' || lpad((1 + floor(random() * v_pool))::bigint::text, 7, '0');
            ELSE
                v_pool := nextval('<% raw_schema %>.customer_numbers');
                v_customer := 'CUST-' || lpad(v_pool::text, 7, '0');
            END IF;
            v_profile := <% control_schema %>.customer_profile(v_customer);
            -- a category in its seasonal peak is three times as likely
            v_pick := random();
            SELECT c.category_name, c.margin_rate, c.return_rate INTO v_category
            FROM (SELECT category_name, margin_rate, return_rate,
                         sum(w) OVER (ORDER BY category_name) / sum(w) OVER () AS upto
                  FROM (SELECT *, CASE WHEN seasonal_peak_months::jsonb @> to_jsonb(extract(month FROM v_now)::int)
                                       THEN 3.0 ELSE 1.0 END AS w
                        FROM <% reference_schema %>.product_categories) weighted) c
            WHERE c.upto >= v_pick ORDER BY c.upto LIMIT 1;
            v_pick := random();
            SELECT ch.channel_name INTO v_channel
            FROM (SELECT channel_name, sum(conversion_rate) OVER (ORDER BY channel_name)
                         / nullif(sum(conversion_rate) OVER (), 0) AS upto
                  FROM <% reference_schema %>.marketing_channels) ch
            WHERE ch.upto >= v_pick ORDER BY ch.upto LIMIT 1;
            v_pick := random();
            SELECT w.warehouse_id INTO v_warehouse
            FROM (SELECT warehouse_id, sum(capacity) OVER (ORDER BY warehouse_id)::double precision
                         / nullif(sum(capacity) OVER (), 0) AS upto
                  FROM <% reference_schema %>.warehouses) w
            WHERE w.upto >= v_pick ORDER BY w.upto LIMIT 1;
            v_quantity := 1 + floor(random() * greatest(1, v_max_items))::int;
            -- around the segment's average order value (Box-Muller, sd 15)
            v_unit_price := round((greatest(1.0, (v_profile -> 'behavior' ->> 'avg_order_value')::double precision
                            + 15 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) / v_quantity)::numeric, 2);
            v_subtotal := round(v_unit_price * v_quantity, 2);
            v_discount := round(v_subtotal * (random() * v_max_discount)::numeric, 2);
            v_tax_amount := round((v_subtotal - v_discount) * v_tax::numeric, 2);
            v_shipping := CASE WHEN v_subtotal >= v_free_over THEN 0 ELSE v_shipping_cost::numeric END;
            INSERT INTO <% raw_schema %>.raw_retail_events (event_id, event_type, "timestamp", raw_data, run_id)
            VALUES (gen_random_uuid(), 'purchase', v_now, jsonb_build_object(
                'order_id', 'ORD-' || upper(substr(md5(random()::text), 1, 12)),
                'customer_id', v_customer,
                'customer_segment', v_profile ->> 'segment',
                'product', jsonb_build_object('category', v_category.category_name, 'unit_price', v_unit_price, 'quantity', v_quantity),
                'pricing', jsonb_build_object('subtotal', v_subtotal, 'discount', v_discount, 'tax', v_tax_amount,
                                              'shipping', v_shipping,
                                              'final_total', v_subtotal - v_discount + v_tax_amount + v_shipping),
                'channel', v_channel,
                'payment_method', v_methods ->> floor(random() * greatest(1, jsonb_array_length(v_methods)))::int,
                'fulfillment', jsonb_build_object('warehouse_id', v_warehouse),
                'margin_rate', v_category.margin_rate,
                'return_probability', v_category.return_rate), v_run);
        END LOOP;

        INSERT INTO <% raw_schema %>.raw_retail_events (event_id, event_type, "timestamp", raw_data, run_id)
        SELECT gen_random_uuid(), 'marketing', v_now, jsonb_build_object(
                   'channel', c.channel_name,
                   'impressions', 100 + floor(random() * 9900)::int,
                   'clicks', floor(random() * 500)::int,
                   'conversions', (random() < c.conversion_rate)::int,
                   'cost', c.cost_per_acquisition), v_run
        FROM generate_series(1, marketing_events) g
        CROSS JOIN LATERAL (SELECT * FROM <% reference_schema %>.marketing_channels
                            WHERE g > 0 ORDER BY random() LIMIT 1) c;

        INSERT INTO <% raw_schema %>.raw_retail_events (event_id, event_type, "timestamp", raw_data, run_id)
        SELECT gen_random_uuid(), 'supply_chain', v_now, jsonb_build_object(
                   'warehouse_id', w.warehouse_id,
                   'category', k.category_name,
                   'units_received', 10 + floor(random() * 490)::int,
                   'utilization', round((0.3 + random() * 0.65)::numeric, 3)), v_run
        FROM generate_series(1, supply_chain_events) g
        CROSS JOIN LATERAL (SELECT warehouse_id FROM <% reference_schema %>.warehouses WHERE g > 0 ORDER BY random() LIMIT 1) w
        CROSS JOIN LATERAL (SELECT category_name FROM <% reference_schema %>.product_categories WHERE g > 0 ORDER BY random() LIMIT 1) k;

        v_generated := customer_events + purchase_events + marketing_events + supply_chain_events;
    EXCEPTION WHEN OTHERS THEN
        v_status := 'FAILED';
        v_error := SQLERRM || ' (SQLSTATE ' || SQLSTATE || ')';
        v_generated := 0;
    END;

    INSERT INTO <% reference_schema %>.data_generation_audit (run_id, run_timestamp, customer_events_requested,
        purchase_events_requested, marketing_events_requested, supply_chain_events_requested, events_generated,
        execution_status, error_message, execution_time_seconds,
        customer_segments_snapshot, customer_segments_checksum, product_categories_snapshot, product_categories_checksum,
        marketing_channels_snapshot, marketing_channels_checksum, warehouses_snapshot, warehouses_checksum,
        generation_parameters_snapshot, generation_parameters_checksum, customer_lifecycle_snapshot, customer_lifecycle_checksum)
    SELECT v_run, v_started, customer_events, purchase_events, marketing_events, supply_chain_events, v_generated,
           v_status, v_error, extract(epoch FROM clock_timestamp() - v_started),
           max(s.snapshot::text) FILTER (WHERE s.component = 'CUSTOMER_SEGMENTS')::jsonb,
           max(s.checksum) FILTER (WHERE s.component = 'CUSTOMER_SEGMENTS'),
           max(s.snapshot::text) FILTER (WHERE s.component = 'PRODUCT_CATEGORIES')::jsonb,
           max(s.checksum) FILTER (WHERE s.component = 'PRODUCT_CATEGORIES'),
           max(s.snapshot::text) FILTER (WHERE s.component = 'MARKETING_CHANNELS')::jsonb,
           max(s.checksum) FILTER (WHERE s.component = 'MARKETING_CHANNELS'),
           max(s.snapshot::text) FILTER (WHERE s.component = 'WAREHOUSES')::jsonb,
           max(s.checksum) FILTER (WHERE s.component = 'WAREHOUSES'),
           max(s.snapshot::text) FILTER (WHERE s.component = 'GENERATION_PARAMETERS')::jsonb,
           max(s.checksum) FILTER (WHERE s.component = 'GENERATION_PARAMETERS'),
           max(s.snapshot::text) FILTER (WHERE s.component = 'CUSTOMER_LIFECYCLE')::jsonb,
           max(s.checksum) FILTER (WHERE s.component = 'CUSTOMER_LIFECYCLE')
    FROM <% control_schema %>.reference_snapshot() s;

    RETURN QUERY SELECT v_run, v_status, v_generated,
        CASE WHEN v_status = 'SUCCESS' THEN 'run ' || v_run || ': ' || v_generated || ' events generated'
             ELSE 'run ' || v_run || ' failed: ' || v_error END;
END;
$$;
