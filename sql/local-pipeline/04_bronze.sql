-- Part 4: bronze, seed 001's staging tables and transform_to_bronze(). One run claims the unconsumed events (SKIP
-- LOCKED, so a concurrent run takes the others) and MERGEs them in the same transaction: a failure releases the claims
-- with everything else. A customer seen twice stays one row with the newest profile; a purchase event read twice is
-- still one row. Both of the seed's names for a profile event are read (customer_profile, customer_profile_update),
-- and raw_data holding the event as JSON text (as the seed's generator left it) as well as an object.

CREATE TABLE IF NOT EXISTS <% bronze_schema %>.stg_customers (
    customer_id               text NOT NULL PRIMARY KEY,
    age                       integer,
    annual_income             bigint,
    customer_segment          text,
    state                     text,
    city                      text,
    zip_code                  text,
    days_since_last_purchase  integer,
    total_orders              integer,
    avg_order_value           double precision,
    churn_probability         double precision,
    lifetime_value            double precision,
    primary_category          text,
    communication_channel     text,
    price_sensitivity         double precision,
    last_profile_update       timestamp,
    created_at                timestamp DEFAULT timezone('UTC', now()),
    updated_at                timestamp DEFAULT timezone('UTC', now())
);

CREATE TABLE IF NOT EXISTS <% bronze_schema %>.stg_purchases (
    event_id                 text NOT NULL PRIMARY KEY,
    customer_id              text NOT NULL,
    order_id                 text NOT NULL,
    product_id               text,
    product_category         text,
    product_subcategory      text,
    brand                    text,
    unit_price               double precision,
    quantity                 integer,
    line_total               double precision,
    subtotal                 double precision,
    discount_amount          double precision,
    tax_amount               double precision,
    shipping_cost            double precision,
    final_total              double precision,
    sales_channel            text,
    device_type              text,
    payment_method           text,
    warehouse_id             text,
    shipping_method          text,
    estimated_delivery_date  timestamp,
    customer_segment         text,
    is_repeat_customer       boolean,
    cart_abandonment_risk    double precision,
    return_probability       double precision,
    upsell_potential         double precision,
    purchase_timestamp       timestamp,
    created_at               timestamp DEFAULT timezone('UTC', now()),
    updated_at               timestamp DEFAULT timezone('UTC', now())
);

CREATE OR REPLACE FUNCTION <% control_schema %>.transform_to_bronze()
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_claimed integer;
    v_customers integer;
    v_purchases integer;
    v_now timestamp := timezone('UTC', clock_timestamp());
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS snowpulse_claimed_events (
        event_seq bigint, event_id text, event_type text, "timestamp" timestamp, event jsonb
    ) ON COMMIT DELETE ROWS;
    DELETE FROM snowpulse_claimed_events;

    WITH claimed AS (
        UPDATE <% raw_schema %>.raw_retail_events r SET consumed_at = v_now
        WHERE r.event_seq IN (SELECT event_seq FROM <% raw_schema %>.raw_retail_events
                              WHERE consumed_at IS NULL ORDER BY event_seq FOR UPDATE SKIP LOCKED)
        RETURNING r.event_seq, r.event_id, r.event_type, r."timestamp",
                  CASE WHEN jsonb_typeof(r.raw_data) = 'string' THEN (r.raw_data #>> '{}')::jsonb ELSE r.raw_data END)
    INSERT INTO snowpulse_claimed_events SELECT * FROM claimed;
    GET DIAGNOSTICS v_claimed = ROW_COUNT;

    MERGE INTO <% bronze_schema %>.stg_customers t
    USING (SELECT DISTINCT ON (event ->> 'customer_id') event ->> 'customer_id' AS customer_id, event -> 'data' AS d,
                  coalesce((event ->> 'timestamp')::timestamp, "timestamp") AS seen_at
           FROM snowpulse_claimed_events
           WHERE event_type IN ('customer_profile', 'customer_profile_update') AND event ->> 'customer_id' IS NOT NULL
           ORDER BY event ->> 'customer_id', seen_at DESC, event_seq DESC) s
    ON t.customer_id = s.customer_id
    WHEN MATCHED THEN UPDATE SET
        age = (s.d ->> 'age')::integer, annual_income = (s.d ->> 'income')::bigint,
        customer_segment = s.d ->> 'customer_segment', state = s.d -> 'location' ->> 'state',
        city = s.d -> 'location' ->> 'city', zip_code = s.d -> 'location' ->> 'zip_code',
        days_since_last_purchase = (s.d -> 'behavioral_metrics' ->> 'days_since_last_purchase')::integer,
        total_orders = (s.d -> 'behavioral_metrics' ->> 'total_orders')::integer,
        avg_order_value = (s.d -> 'behavioral_metrics' ->> 'avg_order_value')::double precision,
        churn_probability = (s.d -> 'behavioral_metrics' ->> 'churn_probability')::double precision,
        lifetime_value = (s.d -> 'behavioral_metrics' ->> 'lifetime_value')::double precision,
        primary_category = s.d -> 'preferences' ->> 'primary_category',
        communication_channel = s.d -> 'preferences' ->> 'communication_channel',
        price_sensitivity = (s.d -> 'preferences' ->> 'price_sensitivity')::double precision,
        last_profile_update = s.seen_at, updated_at = v_now
    WHEN NOT MATCHED THEN INSERT (customer_id, age, annual_income, customer_segment, state, city, zip_code,
        days_since_last_purchase, total_orders, avg_order_value, churn_probability, lifetime_value, primary_category,
        communication_channel, price_sensitivity, last_profile_update, created_at, updated_at)
    VALUES (s.customer_id, (s.d ->> 'age')::integer, (s.d ->> 'income')::bigint, s.d ->> 'customer_segment',
        s.d -> 'location' ->> 'state', s.d -> 'location' ->> 'city', s.d -> 'location' ->> 'zip_code',
        (s.d -> 'behavioral_metrics' ->> 'days_since_last_purchase')::integer,
        (s.d -> 'behavioral_metrics' ->> 'total_orders')::integer,
        (s.d -> 'behavioral_metrics' ->> 'avg_order_value')::double precision,
        (s.d -> 'behavioral_metrics' ->> 'churn_probability')::double precision,
        (s.d -> 'behavioral_metrics' ->> 'lifetime_value')::double precision,
        s.d -> 'preferences' ->> 'primary_category', s.d -> 'preferences' ->> 'communication_channel',
        (s.d -> 'preferences' ->> 'price_sensitivity')::double precision, s.seen_at, v_now, v_now);
    GET DIAGNOSTICS v_customers = ROW_COUNT;

    MERGE INTO <% bronze_schema %>.stg_purchases t
    USING (SELECT DISTINCT ON (event_id) event_id, event ->> 'customer_id' AS customer_id, event -> 'data' AS d,
                  coalesce((event ->> 'timestamp')::timestamp, "timestamp") AS at
           FROM snowpulse_claimed_events WHERE event_type = 'purchase'
           ORDER BY event_id, event_seq) s
    ON t.event_id = s.event_id
    WHEN NOT MATCHED THEN INSERT (event_id, customer_id, order_id, product_id, product_category, product_subcategory,
        brand, unit_price, quantity, line_total, subtotal, discount_amount, tax_amount, shipping_cost, final_total,
        sales_channel, device_type, payment_method, warehouse_id, shipping_method, estimated_delivery_date,
        customer_segment, is_repeat_customer, cart_abandonment_risk, return_probability, upsell_potential,
        purchase_timestamp, created_at, updated_at)
    VALUES (s.event_id, s.customer_id, s.d ->> 'order_id', s.d -> 'product_details' ->> 'product_id',
        s.d -> 'product_details' ->> 'category', s.d -> 'product_details' ->> 'subcategory',
        s.d -> 'product_details' ->> 'brand', (s.d -> 'product_details' ->> 'unit_price')::double precision,
        (s.d -> 'product_details' ->> 'quantity')::integer, (s.d -> 'product_details' ->> 'total_amount')::double precision,
        (s.d -> 'pricing' ->> 'subtotal')::double precision, (s.d -> 'pricing' ->> 'discount_amount')::double precision,
        (s.d -> 'pricing' ->> 'tax_amount')::double precision, (s.d -> 'pricing' ->> 'shipping_cost')::double precision,
        (s.d -> 'pricing' ->> 'final_total')::double precision, s.d -> 'channel' ->> 'platform',
        s.d -> 'channel' ->> 'device_type', s.d -> 'channel' ->> 'payment_method',
        s.d -> 'fulfillment' ->> 'warehouse_id', s.d -> 'fulfillment' ->> 'shipping_method',
        (s.d -> 'fulfillment' ->> 'estimated_delivery')::timestamp, s.d -> 'ml_features' ->> 'customer_segment',
        (s.d -> 'ml_features' ->> 'is_repeat_customer')::boolean,
        (s.d -> 'ml_features' ->> 'cart_abandonment_risk')::double precision,
        (s.d -> 'ml_features' ->> 'return_probability')::double precision,
        (s.d -> 'ml_features' ->> 'upsell_potential')::double precision, s.at, v_now, v_now);
    GET DIAGNOSTICS v_purchases = ROW_COUNT;

    RETURN 'Bronze transformation completed: ' || v_customers || ' customers, ' || v_purchases || ' purchases ('
        || v_claimed || ' events read)';
END;
$$;
