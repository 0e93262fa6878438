-- Part 4: bronze. One run claims the unconsumed events (SKIP LOCKED, so a concurrent run takes the others) and MERGEs
-- them in the same transaction: a failure releases the claims with everything else. A customer seen twice stays one
-- row; the newer profile wins.

CREATE TABLE IF NOT EXISTS <% bronze_schema %>.stg_customers (
    customer_id        text PRIMARY KEY,
    segment            text,
    lifecycle_stage    text,
    age                integer,
    income             bigint,
    city               text,
    country            text,
    purchase_frequency double precision,
    avg_order_value    double precision,
    email_open_rate    double precision,
    profile            jsonb,
    first_seen_at      timestamptz,
    updated_at         timestamptz
);

CREATE TABLE IF NOT EXISTS <% bronze_schema %>.stg_purchases (
    event_id         uuid PRIMARY KEY,
    order_id         text,
    customer_id      text,
    customer_segment text,
    category         text,
    quantity         integer,
    unit_price       numeric(12, 2),
    subtotal         numeric(12, 2),
    discount         numeric(12, 2),
    tax              numeric(12, 2),
    shipping         numeric(12, 2),
    final_total      numeric(12, 2),
    channel          text,
    payment_method   text,
    warehouse_id     text,
    margin_rate      double precision,
    purchased_at     timestamptz,
    run_id           text,
    loaded_at        timestamptz
);

CREATE OR REPLACE FUNCTION <% control_schema %>.transform_raw_to_bronze()
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_claimed integer;
    v_customers integer;
    v_purchases integer;
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS snowpulse_claimed_events (
        event_seq bigint, event_id uuid, event_type text, "timestamp" timestamptz, raw_data jsonb, run_id text
    ) ON COMMIT DELETE ROWS;
    DELETE FROM snowpulse_claimed_events;

    WITH claimed AS (
        UPDATE <% raw_schema %>.raw_retail_events r SET consumed_at = clock_timestamp()
        WHERE r.event_seq IN (SELECT event_seq FROM <% raw_schema %>.raw_retail_events
                              WHERE consumed_at IS NULL ORDER BY event_seq FOR UPDATE SKIP LOCKED)
        RETURNING r.event_seq, r.event_id, r.event_type, r."timestamp", r.raw_data, r.run_id)
    INSERT INTO snowpulse_claimed_events SELECT * FROM claimed;
    GET DIAGNOSTICS v_claimed = ROW_COUNT;

    MERGE INTO <% bronze_schema %>.stg_customers t
    USING (SELECT DISTINCT ON (raw_data ->> 'customer_id') raw_data ->> 'customer_id' AS customer_id,
                  raw_data AS profile, "timestamp" AS seen_at
           FROM snowpulse_claimed_events WHERE event_type = 'customer_profile'
           ORDER BY raw_data ->> 'customer_id', "timestamp" DESC, event_seq DESC) s
    ON t.customer_id = s.customer_id
    WHEN MATCHED THEN UPDATE SET
        segment = s.profile ->> 'segment', lifecycle_stage = s.profile ->> 'lifecycle_stage',
        age = (s.profile ->> 'age')::integer, income = (s.profile ->> 'income')::bigint,
        city = s.profile -> 'location' ->> 'city', country = s.profile -> 'location' ->> 'country',
        purchase_frequency = (s.profile -> 'behavior' ->> 'purchase_frequency')::double precision,
        avg_order_value = (s.profile -> 'behavior' ->> 'avg_order_value')::double precision,
        email_open_rate = (s.profile -> 'behavior' ->> 'email_open_rate')::double precision,
        profile = s.profile, updated_at = s.seen_at
    WHEN NOT MATCHED THEN INSERT (customer_id, segment, lifecycle_stage, age, income, city, country, purchase_frequency,
        avg_order_value, email_open_rate, profile, first_seen_at, updated_at)
    VALUES (s.customer_id, s.profile ->> 'segment', s.profile ->> 'lifecycle_stage', (s.profile ->> 'age')::integer,
        (s.profile ->> 'income')::bigint, s.profile -> 'location' ->> 'city', s.profile -> 'location' ->> 'country',
        (s.profile -> 'behavior' ->> 'purchase_frequency')::double precision,
        (s.profile -> 'behavior' ->> 'avg_order_value')::double precision,
        (s.profile -> 'behavior' ->> 'email_open_rate')::double precision, s.profile, s.seen_at, s.seen_at);
    GET DIAGNOSTICS v_customers = ROW_COUNT;

    MERGE INTO <% bronze_schema %>.stg_purchases t
    USING (SELECT event_id, run_id, "timestamp", raw_data AS p FROM snowpulse_claimed_events WHERE event_type = 'purchase') s
    ON t.event_id = s.event_id
    WHEN NOT MATCHED THEN INSERT (event_id, order_id, customer_id, customer_segment, category, quantity, unit_price,
        subtotal, discount, tax, shipping, final_total, channel, payment_method, warehouse_id, margin_rate,
        purchased_at, run_id, loaded_at)
    VALUES (s.event_id, s.p ->> 'order_id', s.p ->> 'customer_id', s.p ->> 'customer_segment',
        s.p -> 'product' ->> 'category', (s.p -> 'product' ->> 'quantity')::integer,
        (s.p -> 'product' ->> 'unit_price')::numeric, (s.p -> 'pricing' ->> 'subtotal')::numeric,
        (s.p -> 'pricing' ->> 'discount')::numeric, (s.p -> 'pricing' ->> 'tax')::numeric,
        (s.p -> 'pricing' ->> 'shipping')::numeric, (s.p -> 'pricing' ->> 'final_total')::numeric,
        s.p ->> 'channel', s.p ->> 'payment_method', s.p -> 'fulfillment' ->> 'warehouse_id',
        (s.p ->> 'margin_rate')::double precision, s."timestamp", s.run_id, clock_timestamp());
    GET DIAGNOSTICS v_purchases = ROW_COUNT;

    RETURN 'bronze: ' || v_claimed || ' events claimed, ' || v_customers || ' customers merged, '
        || v_purchases || ' purchases added';
END;
$$;
