-- Part 3: the event generator, the PostgreSQL twin of sql/snowflake/04_generator.sql: the seed's event shapes, every
-- knob read from the reference tables, the same customer's attributes the same on every run, customers drawn from the
-- lifecycle table (core loyal and sliding window, new ones joining, some churning), and one audit row per run with a
-- jsonb snapshot and an MD5 checksum of each reference table, failed runs included: a failure rolls back the run's
-- events but not its audit row.

-- A number in [0, 1) fixed by a text: the same customer always gets the same attributes.
CREATE OR REPLACE FUNCTION <% control_schema %>.stable_fraction(p_text text, p_salt text)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT (('x' || substr(md5(p_text || ':' || p_salt), 1, 8))::bit(32)::bigint & 2147483647)::double precision / 2147483648.0
$$;

-- A generation parameter as a number (stored as the seed stores it, a JSON string or number), else the default.
CREATE OR REPLACE FUNCTION <% control_schema %>.parameter_number(p_name text, p_default double precision)
RETURNS double precision LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT (parameter_value #>> '{}')::double precision
                     FROM <% reference_schema %>.generation_parameters
                     WHERE parameter_name = p_name AND jsonb_typeof(parameter_value) IN ('string', 'number')
                       AND (parameter_value #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?$'), p_default)
$$;

-- One element of a list parameter, at random, else the default.
CREATE OR REPLACE FUNCTION <% control_schema %>.parameter_pick(p_name text, p_default text)
RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT coalesce((SELECT parameter_value ->> floor(random() * jsonb_array_length(parameter_value))::int
                     FROM <% reference_schema %>.generation_parameters
                     WHERE parameter_name = p_name AND jsonb_typeof(parameter_value) = 'array'
                       AND jsonb_array_length(parameter_value) > 0), p_default)
$$;

-- A customer's fixed attributes: segment (by weight), age, income, place, preferences.
CREATE OR REPLACE FUNCTION <% control_schema %>.customer_profile(p_customer_id text)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    WITH segments AS (
        SELECT segment_name, avg_order_value,
               sum(weight) OVER (ORDER BY segment_name) / nullif(sum(weight) OVER (), 0) AS upto
        FROM <% reference_schema %>.customer_segments WHERE segment_name IS NOT NULL),
    segment AS (
        SELECT * FROM segments WHERE upto >= <% control_schema %>.stable_fraction(p_customer_id, 'segment')
        ORDER BY upto LIMIT 1),
    place AS (
        SELECT * FROM (VALUES (0, 'CA', 'Los Angeles', '900'), (1, 'NY', 'New York', '100'), (2, 'TX', 'Houston', '770'),
                              (3, 'IL', 'Chicago', '606'), (4, 'WA', 'Seattle', '981'), (5, 'FL', 'Miami', '331'),
                              (6, 'MA', 'Boston', '021'), (7, 'CO', 'Denver', '802')) AS p (n, state, city, zip)
        WHERE n = floor(<% control_schema %>.stable_fraction(p_customer_id, 'place') * 8)::int),
    category AS (
        SELECT category_name FROM <% reference_schema %>.product_categories WHERE category_name IS NOT NULL
        ORDER BY md5(p_customer_id || category_name) LIMIT 1),
    channels AS (
        SELECT parameter_value AS list FROM <% reference_schema %>.generation_parameters
        WHERE parameter_name = 'communication_channels' AND jsonb_typeof(parameter_value) = 'array')
    SELECT jsonb_build_object(
        'customer_segment', segment.segment_name,
        'avg_order_value', segment.avg_order_value,
        -- Box-Muller on two fixed fractions: normal age, log-normal income
        'age', least(90, greatest(18, round(<% control_schema %>.parameter_number('age_mean', 42)
               + <% control_schema %>.parameter_number('age_std', 15)
                 * sqrt(-2 * ln(1 - <% control_schema %>.stable_fraction(p_customer_id, 'age1')))
                 * cos(2 * pi() * <% control_schema %>.stable_fraction(p_customer_id, 'age2')))))::int,
        'income', round(exp(<% control_schema %>.parameter_number('income_correlation_' || segment.segment_name, 11.0)
               + 0.4 * sqrt(-2 * ln(1 - <% control_schema %>.stable_fraction(p_customer_id, 'inc1')))
                 * cos(2 * pi() * <% control_schema %>.stable_fraction(p_customer_id, 'inc2'))))::bigint,
        'location', jsonb_build_object('state', place.state, 'city', place.city,
               'zip_code', place.zip || lpad(floor(<% control_schema %>.stable_fraction(p_customer_id, 'zip') * 100)::int::text, 2, '0')),
        'primary_category', (SELECT category_name FROM category),
        'communication_channel', coalesce((SELECT list ->> floor(<% control_schema %>.stable_fraction(p_customer_id, 'comm')
               * jsonb_array_length(list))::int FROM channels), 'email'),
        'price_sensitivity', round((CASE WHEN segment.segment_name = 'premium'
               THEN 0.1 + <% control_schema %>.stable_fraction(p_customer_id, 'price') * 0.4
               ELSE 0.3 + <% control_schema %>.stable_fraction(p_customer_id, 'price') * 0.6 END)::numeric, 3))
    FROM segment, place
$$;

-- A customer to buy or update a profile: a known one with probability p_repeat, else a new sliding-window customer.
-- Known customers come from the lifecycle ranges (CUST_<min + i * step>) and from those who joined later, never from
-- those who churned. Returns the id, whether it was known, and its lifecycle type.
CREATE OR REPLACE FUNCTION <% control_schema %>.pick_customer(p_repeat double precision, p_now timestamp,
    OUT customer_id text, OUT known boolean, OUT customer_type text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_range record;
    v_roll double precision;
BEGIN
    IF random() < p_repeat THEN
        FOR attempt IN 1..5 LOOP
            -- a customer type in proportion to its customer count
            v_roll := random();
            SELECT t.customer_type, t.min_customer_id_epoch, t.step, t.customer_count
              INTO v_range
              FROM (SELECT l.customer_type, l.min_customer_id_epoch, l.customer_count,
                           greatest(1, (l.max_customer_id_epoch - l.min_customer_id_epoch) / greatest(1, l.customer_count)) AS step,
                           sum(l.customer_count) OVER (ORDER BY l.customer_type)::double precision
                               / sum(l.customer_count) OVER () AS upto
                      FROM <% reference_schema %>.customer_lifecycle l
                     WHERE l.customer_type IS NOT NULL AND coalesce(l.is_active, true) AND l.customer_count > 0) t
             WHERE t.upto >= v_roll ORDER BY t.upto LIMIT 1;
            IF NOT FOUND THEN
                -- the seed's first version: a plain pool of customer_pool_size customers
                customer_id := 'CUST_' || lpad((100000 + floor(random()
                               * <% control_schema %>.parameter_number('customer_pool_size', 5000)))::bigint::text, 6, '0');
                customer_type := 'CORE_LOYAL';
            ELSIF random() < 0.1 AND EXISTS (SELECT 1 FROM <% reference_schema %>.generator_customer_status s
                                              WHERE s.is_active_in_generator AND s.customer_type = 'SLIDING_WINDOW') THEN
                SELECT s.customer_id, s.customer_type INTO customer_id, customer_type
                  FROM <% reference_schema %>.generator_customer_status s
                 WHERE s.is_active_in_generator AND s.customer_type = 'SLIDING_WINDOW'
                 ORDER BY random() LIMIT 1;
            ELSE
                customer_id := 'CUST_' || (v_range.min_customer_id_epoch
                               + floor(random() * v_range.customer_count)::bigint * v_range.step);
                customer_type := v_range.customer_type;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM <% reference_schema %>.generator_customer_status s
                           WHERE s.customer_id = pick_customer.customer_id AND NOT s.is_active_in_generator) THEN
                known := true;
                RETURN;
            END IF;
        END LOOP;
    END IF;
    customer_id := 'CUST_' || extract(epoch FROM p_now)::bigint || lpad(floor(random() * 1000000)::int::text, 6, '0');
    known := false;
    customer_type := 'SLIDING_WINDOW';
END;
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.new_id(p_prefix text)
RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT p_prefix || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.customer_event(p_event_id text, p_at timestamp, p_now timestamp,
    OUT event jsonb, OUT customer_id text, OUT customer_type text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_pick record;
    v_profile jsonb;
    v_orders integer := 1 + floor(random() * 40)::int;
    v_average numeric;
    v_churn double precision;
BEGIN
    v_pick := <% control_schema %>.pick_customer(1 - <% control_schema %>.parameter_number('new_customer_join_rate', 0.08), p_now);
    customer_id := v_pick.customer_id;
    customer_type := v_pick.customer_type;
    v_profile := <% control_schema %>.customer_profile(customer_id);
    v_average := round(((v_profile ->> 'avg_order_value')::double precision * (0.8 + random() * 0.4))::numeric, 2);
    v_churn := coalesce((SELECT churn_probability FROM <% reference_schema %>.customer_lifecycle
                         WHERE customer_lifecycle.customer_type = v_pick.customer_type), 0.05);
    event := jsonb_build_object(
        'event_id', p_event_id, 'customer_id', customer_id, 'event_type', 'customer_profile',
        'timestamp', to_char(p_at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        'data', jsonb_build_object(
            'customer_segment', v_profile ->> 'customer_segment', 'age', v_profile -> 'age',
            'income', v_profile -> 'income', 'location', v_profile -> 'location',
            'behavioral_metrics', jsonb_build_object(
                'days_since_last_purchase', floor(random() * 366)::int, 'total_orders', v_orders,
                'avg_order_value', v_average,
                'churn_probability', round(least(0.95, v_churn * 10 + random() * 0.3)::numeric, 3),
                'lifetime_value', round(v_orders * v_average, 2)),
            'preferences', jsonb_build_object(
                'primary_category', v_profile -> 'primary_category',
                'communication_channel', v_profile -> 'communication_channel',
                'price_sensitivity', v_profile -> 'price_sensitivity')));
END;
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.purchase_event(p_event_id text, p_order_id text, p_at timestamp,
    p_now timestamp, OUT event jsonb, OUT customer_id text, OUT customer_type text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_pick record;
    v_profile jsonb;
    v_segment text;
    v_category record;
    v_season double precision;
    v_unit_price numeric;
    v_quantity integer;
    v_subtotal numeric;
    v_discount numeric := 0;
    v_tax numeric;
    v_shipping numeric;
    v_warehouse text;
    v_preferred boolean := false;
    v_roll double precision;
BEGIN
    v_pick := <% control_schema %>.pick_customer(<% control_schema %>.parameter_number('repeat_customer_probability', 0.8), p_now);
    customer_id := v_pick.customer_id;
    customer_type := v_pick.customer_type;
    v_profile := <% control_schema %>.customer_profile(customer_id);
    v_segment := v_profile ->> 'customer_segment';
    IF random() < <% control_schema %>.parameter_number('customer_preference_probability', 0.6) THEN
        SELECT * INTO v_category FROM <% reference_schema %>.product_categories
        WHERE category_name = v_profile ->> 'primary_category';
        v_preferred := FOUND;
    END IF;
    IF NOT v_preferred THEN
        -- a category in its seasonal peak is twice as likely; one roll, so the cumulative weights mean what they say
        v_roll := random();
        SELECT c.* INTO v_category
        FROM (SELECT *, sum(w) OVER (ORDER BY category_name) / sum(w) OVER () AS upto
              FROM (SELECT *, CASE WHEN seasonal_peak_months::jsonb @> to_jsonb(extract(month FROM p_at)::int)
                                   THEN 2.0 ELSE 1.0 END AS w
                    FROM <% reference_schema %>.product_categories WHERE category_name IS NOT NULL) weighted) c
        WHERE c.upto >= v_roll ORDER BY c.upto LIMIT 1;
    END IF;
    v_season := CASE WHEN v_category.seasonal_peak_months::jsonb @> to_jsonb(extract(month FROM p_at)::int)
                     THEN 1.15 + random() * 0.1
                     WHEN v_category.seasonal_peak_months::jsonb @> to_jsonb(((extract(month FROM p_at)::int + 10) % 12) + 1)
                     THEN 1.05 + random() * 0.1
                     ELSE 0.95 + random() * 0.1 END;
    v_unit_price := round(least(<% control_schema %>.parameter_number('price_range_max', 500),
                          greatest(<% control_schema %>.parameter_number('price_range_min', 10),
                                   (v_profile ->> 'avg_order_value')::double precision * (0.85 + random() * 0.3) * v_season))::numeric, 2);
    v_quantity := least(10, 1 + floor(-ln(1 - random()) * CASE WHEN v_segment = 'occasional' THEN 1 ELSE 2 END)::int);
    v_subtotal := round(v_unit_price * v_quantity, 2);
    IF random() < (CASE v_segment WHEN 'premium' THEN 0.1 WHEN 'occasional' THEN 0.4 ELSE 0.25 END)
                  * 2 * (v_profile ->> 'price_sensitivity')::double precision THEN
        v_discount := round(v_subtotal * (0.08 + random() * 0.04)::numeric, 2);
    END IF;
    v_tax := round((v_subtotal - v_discount) * <% control_schema %>.parameter_number('tax_rate', 0.08)::numeric, 2);
    v_shipping := round((random() * <% control_schema %>.parameter_number('shipping_cost_max', 15))::numeric, 2);
    v_roll := random();
    SELECT w.warehouse_id INTO v_warehouse
    FROM (SELECT warehouse_id, sum(capacity) OVER (ORDER BY warehouse_id)::double precision
                 / nullif(sum(capacity) OVER (), 0) AS upto
          FROM <% reference_schema %>.warehouses WHERE warehouse_id IS NOT NULL) w
    WHERE w.upto >= v_roll ORDER BY w.upto LIMIT 1;
    event := jsonb_build_object(
        'event_id', p_event_id, 'customer_id', customer_id, 'event_type', 'purchase',
        'timestamp', to_char(p_at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        'data', jsonb_build_object(
            'order_id', p_order_id,
            'product_details', jsonb_build_object(
                'product_id', upper(left(v_category.category_name, 3)) || '_' || (1000 + floor(random() * 9000)::int),
                'product_name', initcap(replace(v_category.category_name, '_', ' ')) || ' Product',
                'category', v_category.category_name, 'subcategory', split_part(v_category.category_name, '_', 1),
                'brand', 'Brand ' || chr(65 + floor(random() * 3)::int),
                'unit_price', v_unit_price, 'quantity', v_quantity, 'total_amount', v_subtotal),
            'pricing', jsonb_build_object('subtotal', v_subtotal, 'discount_amount', v_discount, 'tax_amount', v_tax,
                'shipping_cost', v_shipping, 'final_total', v_subtotal - v_discount + v_tax + v_shipping),
            'channel', jsonb_build_object(
                'platform', <% control_schema %>.parameter_pick('platforms', 'web'),
                'device_type', <% control_schema %>.parameter_pick('device_types', 'desktop'),
                'payment_method', <% control_schema %>.parameter_pick('payment_methods', 'credit_card')),
            'fulfillment', jsonb_build_object('warehouse_id', v_warehouse,
                'shipping_method', <% control_schema %>.parameter_pick('shipping_methods', 'standard'),
                'estimated_delivery', to_char(p_at + make_interval(days => 1 + floor(random() * 7)::int), 'YYYY-MM-DD"T"HH24:MI:SS.US')),
            'ml_features', jsonb_build_object('customer_segment', v_segment, 'is_repeat_customer', v_pick.known,
                'cart_abandonment_risk', round((random() * (v_profile ->> 'price_sensitivity')::double precision)::numeric, 3),
                'return_probability', round(least(1.0, v_category.return_rate * (0.5 + random()))::numeric, 3),
                'upsell_potential', round(random()::numeric, 3))));
END;
$$;

-- The reference tables as jsonb arrays of rows in key order, with their MD5 checksums.
CREATE OR REPLACE FUNCTION <% control_schema %>.reference_snapshot()
RETURNS TABLE (component text, snapshot jsonb, checksum text) LANGUAGE sql STABLE AS $$
    WITH snaps AS (
        SELECT 'CUSTOMER_SEGMENTS' AS component, coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.segment_name), '[]') AS snapshot
        FROM <% reference_schema %>.customer_segments t WHERE t.segment_name IS NOT NULL
        UNION ALL SELECT 'PRODUCT_CATEGORIES', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.category_name), '[]')
        FROM <% reference_schema %>.product_categories t WHERE t.category_name IS NOT NULL
        UNION ALL SELECT 'MARKETING_CHANNELS', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.channel_name), '[]')
        FROM <% reference_schema %>.marketing_channels t WHERE t.channel_name IS NOT NULL
        UNION ALL SELECT 'WAREHOUSES', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.warehouse_id), '[]')
        FROM <% reference_schema %>.warehouses t WHERE t.warehouse_id IS NOT NULL
        UNION ALL SELECT 'GENERATION_PARAMETERS', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.parameter_name), '[]')
        FROM <% reference_schema %>.generation_parameters t WHERE t.parameter_name IS NOT NULL
        UNION ALL SELECT 'CUSTOMER_LIFECYCLE', coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.customer_type), '[]')
        FROM <% reference_schema %>.customer_lifecycle t WHERE t.customer_type IS NOT NULL)
    SELECT component, snapshot, md5(snapshot::text) FROM snaps
$$;

-- One generation run: p_mode 'realtime' makes the four counts of events around now; 'historical' makes
-- p_events_per_day purchases on every day from p_start to p_end, with a profile update for about one in ten.
CREATE OR REPLACE FUNCTION <% control_schema %>.generate_events(p_mode text, p_counts integer[], p_start date,
    p_end date, p_events_per_day integer)
RETURNS TABLE (run_id text, execution_status text, events_generated integer, message text)
LANGUAGE plpgsql AS $$
DECLARE
    v_run text := gen_random_uuid()::text;
    v_started timestamptz := clock_timestamp();
    v_now timestamp := timezone('UTC', now());
    v_counts integer[] := p_counts;
    v_generated integer := 0;
    v_status text := 'SUCCESS';
    v_error text;
    v_made record;
    v_day date;
    v_at timestamp;
BEGIN
    IF p_mode = 'historical' THEN
        v_counts := ARRAY[0, greatest(0, (p_end - p_start + 1)) * coalesce(p_events_per_day, 0), 0, 0];
    END IF;
    BEGIN
        IF least(v_counts[1], v_counts[2], v_counts[3], v_counts[4], coalesce(p_events_per_day, 0)) < 0 THEN
            RAISE EXCEPTION 'event counts must not be negative' USING ERRCODE = '22023';
        END IF;
        IF p_mode = 'historical' AND (p_start IS NULL OR p_end IS NULL OR p_end < p_start) THEN
            RAISE EXCEPTION 'start_date must be on or before end_date' USING ERRCODE = '22023';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM <% reference_schema %>.customer_segments WHERE segment_name IS NOT NULL)
           OR NOT EXISTS (SELECT 1 FROM <% reference_schema %>.product_categories WHERE category_name IS NOT NULL) THEN
            RAISE EXCEPTION 'CUSTOMER_SEGMENTS and PRODUCT_CATEGORIES need at least one row each' USING ERRCODE = '22023';
        END IF;
        IF v_counts[3] > 0 AND NOT EXISTS (SELECT 1 FROM <% reference_schema %>.marketing_channels WHERE channel_name IS NOT NULL) THEN
            RAISE EXCEPTION 'MARKETING_CHANNELS has no rows, so no marketing events can be made' USING ERRCODE = '22023';
        END IF;
        IF v_counts[4] > 0 AND NOT EXISTS (SELECT 1 FROM <% reference_schema %>.warehouses WHERE warehouse_id IS NOT NULL) THEN
            RAISE EXCEPTION 'WAREHOUSES has no rows, so no supply chain events can be made' USING ERRCODE = '22023';
        END IF;
        CREATE TEMP TABLE IF NOT EXISTS snowpulse_new_events (event_id text, event_type text, at timestamp, event jsonb,
            customer_id text, customer_type text) ON COMMIT DROP;
        DELETE FROM snowpulse_new_events;

        IF p_mode = 'historical' THEN
            v_day := p_start;
            WHILE v_day <= p_end LOOP
                FOR i IN 1..p_events_per_day LOOP
                    v_at := v_day + make_interval(secs => (8 + random() * 14) * 3600);
                    v_made := <% control_schema %>.purchase_event(<% control_schema %>.new_id('HIST_PURCH_'),
                        <% control_schema %>.new_id('ORD_'), v_at, v_now);
                    INSERT INTO snowpulse_new_events VALUES (v_made.event ->> 'event_id', 'purchase', v_at, v_made.event,
                        v_made.customer_id, v_made.customer_type);
                    IF random() < 0.1 THEN
                        v_made := <% control_schema %>.customer_event(<% control_schema %>.new_id('HIST_CUST_'), v_at, v_now);
                        INSERT INTO snowpulse_new_events VALUES (v_made.event ->> 'event_id', 'customer_profile', v_at,
                            v_made.event, v_made.customer_id, v_made.customer_type);
                    END IF;
                END LOOP;
                v_day := v_day + 1;
            END LOOP;
        ELSE
            FOR i IN 1..v_counts[1] LOOP
                v_at := v_now - make_interval(secs => random() * 86400);
                v_made := <% control_schema %>.customer_event(<% control_schema %>.new_id('CUST_EVT_'), v_at, v_now);
                INSERT INTO snowpulse_new_events VALUES (v_made.event ->> 'event_id', 'customer_profile', v_at, v_made.event,
                    v_made.customer_id, v_made.customer_type);
            END LOOP;
            FOR i IN 1..v_counts[2] LOOP
                v_at := v_now - make_interval(secs => random() * 168 * 3600);
                v_made := <% control_schema %>.purchase_event(<% control_schema %>.new_id('PURCH_EVT_'),
                    <% control_schema %>.new_id('ORD_'), v_at, v_now);
                INSERT INTO snowpulse_new_events VALUES (v_made.event ->> 'event_id', 'purchase', v_at, v_made.event,
                    v_made.customer_id, v_made.customer_type);
            END LOOP;
            INSERT INTO snowpulse_new_events
            SELECT e.id, 'marketing', e.at, jsonb_build_object('event_id', e.id, 'customer_id', NULL, 'event_type', 'marketing',
                       'timestamp', to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                       'data', jsonb_build_object('campaign_id', 'CMP_' || (1000 + floor(random() * 9000)::int),
                           'channel', c.channel_name, 'impressions', e.impressions,
                           'clicks', floor(e.impressions * c.engagement_rate * (0.05 + random() * 0.1))::int,
                           'conversions', floor(floor(e.impressions * c.engagement_rate * 0.1) * c.conversion_rate)::int,
                           'cost', round((floor(floor(e.impressions * c.engagement_rate * 0.1) * c.conversion_rate)
                                          * c.cost_per_acquisition)::numeric, 2))), NULL, NULL
            FROM (SELECT g, <% control_schema %>.new_id('MKT_EVT_') AS id, v_now - make_interval(secs => random() * 3600) AS at,
                         500 + floor(random() * 19500)::int AS impressions
                  FROM generate_series(1, v_counts[3]) g) e
            CROSS JOIN LATERAL (SELECT * FROM <% reference_schema %>.marketing_channels
                                WHERE e.g > 0 AND channel_name IS NOT NULL ORDER BY random() LIMIT 1) c;
            INSERT INTO snowpulse_new_events
            SELECT e.id, 'supply_chain', e.at, jsonb_build_object('event_id', e.id, 'customer_id', NULL, 'event_type', 'supply_chain',
                       'timestamp', to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                       'data', jsonb_build_object('warehouse_id', w.warehouse_id, 'category', k.category_name,
                           'units_received', 10 + floor(random() * 490)::int,
                           'utilization', round((0.3 + random() * 0.65)::numeric, 3))), NULL, NULL
            FROM (SELECT g, <% control_schema %>.new_id('SUP_EVT_') AS id, v_now - make_interval(secs => random() * 3600) AS at
                  FROM generate_series(1, v_counts[4]) g) e
            CROSS JOIN LATERAL (SELECT warehouse_id FROM <% reference_schema %>.warehouses
                                WHERE e.g > 0 AND warehouse_id IS NOT NULL ORDER BY random() LIMIT 1) w
            CROSS JOIN LATERAL (SELECT category_name FROM <% reference_schema %>.product_categories
                                WHERE e.g > 0 AND category_name IS NOT NULL ORDER BY random() LIMIT 1) k;
        END IF;

        INSERT INTO <% raw_schema %>.raw_retail_events (event_id, event_type, "timestamp", raw_data, created_at, run_id)
        SELECT event_id, event_type, at, event, timezone('UTC', clock_timestamp()), v_run FROM snowpulse_new_events;
        GET DIAGNOSTICS v_generated = ROW_COUNT;

        -- who was seen in this run, and who of them churned (sliding-window customers at the churn rate, the core at
        -- their lifecycle's churn probability)
        MERGE INTO <% reference_schema %>.generator_customer_status t
        USING (SELECT DISTINCT ON (e.customer_id) e.customer_id, e.customer_type,
                      random() < CASE WHEN e.customer_type = 'SLIDING_WINDOW'
                                      THEN <% control_schema %>.parameter_number('sliding_customer_churn_rate', 0.03)
                                      ELSE coalesce(l.churn_probability, 0) END AS churned
               FROM snowpulse_new_events e
               LEFT JOIN <% reference_schema %>.customer_lifecycle l ON l.customer_type = e.customer_type
               WHERE e.customer_id IS NOT NULL
               ORDER BY e.customer_id) s
        ON t.customer_id = s.customer_id
        WHEN MATCHED THEN UPDATE SET is_active_in_generator = NOT s.churned, last_activity_date = v_now,
            churn_date = CASE WHEN s.churned THEN v_now END, updated_at = v_now
        WHEN NOT MATCHED THEN INSERT (customer_id, customer_type, is_active_in_generator, last_activity_date, churn_date,
            created_at, updated_at)
        VALUES (s.customer_id, s.customer_type, NOT s.churned, v_now, CASE WHEN s.churned THEN v_now END, v_now, v_now);

        IF v_generated = 0 THEN
            v_status := 'PARTIAL';
            v_error := 'No events generated';
        END IF;
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
        generation_parameters_snapshot, generation_parameters_checksum, customer_lifecycle_snapshot,
        customer_lifecycle_checksum, created_at)
    SELECT v_run, timezone('UTC', v_started), v_counts[1], v_counts[2], v_counts[3], v_counts[4], v_generated,
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
           max(s.checksum) FILTER (WHERE s.component = 'CUSTOMER_LIFECYCLE'),
           timezone('UTC', clock_timestamp())
    FROM <% control_schema %>.reference_snapshot() s;

    RETURN QUERY SELECT v_run, v_status, v_generated,
        CASE v_status WHEN 'SUCCESS' THEN 'Successfully generated ' || v_generated || ' events (Run ID: ' || v_run || ')'
                      WHEN 'PARTIAL' THEN 'Generation partial: ' || v_error || ' (Run ID: ' || v_run || ')'
                      ELSE 'Generation failed: ' || v_error || ' (Run ID: ' || v_run || ')' END;
END;
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.generate_retail_data(
    customer_events integer DEFAULT 10,
    purchase_events integer DEFAULT 25,
    marketing_events integer DEFAULT 8,
    supply_chain_events integer DEFAULT 5)
RETURNS TABLE (run_id text, execution_status text, events_generated integer, message text)
LANGUAGE sql AS $$
    SELECT * FROM <% control_schema %>.generate_events('realtime',
        ARRAY[customer_events, purchase_events, marketing_events, supply_chain_events], NULL, NULL, NULL)
$$;

CREATE OR REPLACE FUNCTION <% control_schema %>.generate_historical_data(
    start_date date DEFAULT (current_date - interval '3 years')::date,
    end_date date DEFAULT current_date,
    events_per_day integer DEFAULT 100)
RETURNS TABLE (run_id text, execution_status text, events_generated integer, message text)
LANGUAGE sql AS $$
    SELECT * FROM <% control_schema %>.generate_events('historical', ARRAY[0, 0, 0, 0], start_date, end_date, events_per_day)
$$;
