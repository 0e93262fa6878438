-- Part 5: gold, rebuilt from bronze by MERGE, so running it twice changes nothing.

CREATE TABLE IF NOT EXISTS <% gold_schema %>.dim_customers (
    customer_id        text PRIMARY KEY,
    segment            text,
    age_group          text,
    income_bracket     text,
    city               text,
    total_orders       integer,
    lifetime_value     numeric(14, 2),
    value_segment      text,
    engagement_level   text,
    loyalty_tier       text,
    churn_probability  double precision,
    updated_at         timestamptz
);

CREATE TABLE IF NOT EXISTS <% gold_schema %>.fct_sales (
    event_id               uuid PRIMARY KEY,
    order_id               text,
    customer_id            text,
    customer_segment       text,
    category               text,
    sale_date              date,
    sale_year              integer,
    sale_month             integer,
    sale_day_of_week       integer,
    quantity               integer,
    final_total            numeric(12, 2),
    is_high_value          boolean,
    revenue_tier           text,
    estimated_gross_margin numeric(12, 2),
    channel                text,
    payment_method         text
);

CREATE OR REPLACE FUNCTION <% control_schema %>.transform_bronze_to_gold()
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_sales integer;
    v_customers integer;
BEGIN
    MERGE INTO <% gold_schema %>.fct_sales t
    USING <% bronze_schema %>.stg_purchases s
    ON t.event_id = s.event_id
    WHEN NOT MATCHED THEN INSERT (event_id, order_id, customer_id, customer_segment, category, sale_date, sale_year,
        sale_month, sale_day_of_week, quantity, final_total, is_high_value, revenue_tier, estimated_gross_margin,
        channel, payment_method)
    VALUES (s.event_id, s.order_id, s.customer_id, s.customer_segment, s.category, s.purchased_at::date,
        extract(year FROM s.purchased_at)::integer, extract(month FROM s.purchased_at)::integer,
        extract(isodow FROM s.purchased_at)::integer, s.quantity, s.final_total, s.final_total >= 200,
        CASE WHEN s.final_total >= 200 THEN 'high' WHEN s.final_total >= 75 THEN 'medium' ELSE 'low' END,
        round(s.subtotal * coalesce(s.margin_rate, 0)::numeric, 2), s.channel, s.payment_method);
    GET DIAGNOSTICS v_sales = ROW_COUNT;

    MERGE INTO <% gold_schema %>.dim_customers t
    USING (SELECT c.customer_id, c.segment, c.age, c.income, c.city, c.email_open_rate, c.lifecycle_stage,
                  count(p.event_id)::integer AS orders, coalesce(sum(p.final_total), 0) AS value,
                  extract(day FROM now() - max(p.purchased_at)) AS days_since
           FROM <% bronze_schema %>.stg_customers c
           LEFT JOIN <% bronze_schema %>.stg_purchases p ON p.customer_id = c.customer_id
           GROUP BY c.customer_id) s
    ON t.customer_id = s.customer_id
    WHEN MATCHED THEN UPDATE SET total_orders = s.orders, lifetime_value = s.value,
        value_segment = CASE WHEN s.value >= 1000 THEN 'high' WHEN s.value >= 250 THEN 'medium' ELSE 'low' END,
        loyalty_tier = CASE WHEN s.orders >= 10 THEN 'gold' WHEN s.orders >= 3 THEN 'silver' ELSE 'bronze' END,
        churn_probability = least(0.95, greatest(0.02, coalesce(s.days_since, 90) / 120.0
            + CASE WHEN s.lifecycle_stage = 'sliding_window' THEN 0.2 ELSE 0 END - least(s.orders, 10) * 0.03)),
        updated_at = now()
    WHEN NOT MATCHED THEN INSERT (customer_id, segment, age_group, income_bracket, city, total_orders, lifetime_value,
        value_segment, engagement_level, loyalty_tier, churn_probability, updated_at)
    VALUES (s.customer_id, s.segment,
        CASE WHEN s.age < 25 THEN '18-24' WHEN s.age < 35 THEN '25-34' WHEN s.age < 50 THEN '35-49'
             WHEN s.age < 65 THEN '50-64' ELSE '65+' END,
        CASE WHEN s.income < 50000 THEN 'low' WHEN s.income < 120000 THEN 'middle' ELSE 'high' END,
        s.city, s.orders, s.value,
        CASE WHEN s.value >= 1000 THEN 'high' WHEN s.value >= 250 THEN 'medium' ELSE 'low' END,
        CASE WHEN s.email_open_rate >= 0.4 THEN 'high' WHEN s.email_open_rate >= 0.2 THEN 'medium' ELSE 'low' END,
        CASE WHEN s.orders >= 10 THEN 'gold' WHEN s.orders >= 3 THEN 'silver' ELSE 'bronze' END,
        least(0.95, greatest(0.02, coalesce(s.days_since, 90) / 120.0
            + CASE WHEN s.lifecycle_stage = 'sliding_window' THEN 0.2 ELSE 0 END - least(s.orders, 10) * 0.03)),
        now());
    GET DIAGNOSTICS v_customers = ROW_COUNT;
    RETURN 'gold: ' || v_sales || ' sales added, ' || v_customers || ' customers updated';
END;
$$;
