-- Part 5: gold, seed 001's dimension and fact tables and transform_to_gold(), with the seed's rule for every column;
-- the same fixes as sql/snowflake/06_gold.sql (known customers updated, purchase dates, frequency and preferred channel
-- and payment method from the purchases, the category's margin rate). Rebuilt from bronze by MERGE: running it twice
-- changes nothing.

CREATE TABLE IF NOT EXISTS <% gold_schema %>.dim_customers (
    customer_id                text NOT NULL PRIMARY KEY,
    customer_segment           text,
    age                        integer,
    age_group                  text,
    annual_income              bigint,
    income_bracket             text,
    state                      text,
    city                       text,
    primary_category           text,
    communication_channel      text,
    price_sensitivity          double precision,
    total_orders               integer,
    total_spent                double precision,
    avg_order_value            double precision,
    first_purchase_date        timestamp,
    last_purchase_date         timestamp,
    customer_tenure_days       integer,
    annual_purchase_frequency  double precision,
    preferred_sales_channel    text,
    preferred_payment_method   text,
    value_segment              text,
    engagement_level           text,
    churn_probability          double precision,
    lifetime_value             double precision,
    loyalty_tier               text,
    digital_adoption_level     text,
    updated_at                 timestamp DEFAULT timezone('UTC', now())
);

CREATE TABLE IF NOT EXISTS <% gold_schema %>.fct_sales (
    event_id                text NOT NULL PRIMARY KEY,
    customer_id             text NOT NULL,
    order_id                text NOT NULL,
    product_id              text,
    product_category        text,
    brand                   text,
    purchase_timestamp      timestamp,
    purchase_date           date,
    purchase_year           integer,
    purchase_quarter        integer,
    purchase_month          integer,
    quantity                integer,
    unit_price              double precision,
    final_total             double precision,
    discount_amount         double precision,
    estimated_gross_margin  double precision,
    sales_channel           text,
    customer_segment        text,
    is_repeat_customer      boolean,
    high_value_order        boolean,
    revenue_tier            text,
    updated_at              timestamp DEFAULT timezone('UTC', now())
);

CREATE OR REPLACE FUNCTION <% control_schema %>.transform_to_gold()
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_sales integer;
    v_customers integer;
    v_now timestamp := timezone('UTC', clock_timestamp());
BEGIN
    MERGE INTO <% gold_schema %>.fct_sales t
    USING (SELECT DISTINCT ON (p.event_id) p.*, c.margin_rate AS category_margin_rate
           FROM <% bronze_schema %>.stg_purchases p
           LEFT JOIN <% reference_schema %>.product_categories c ON c.category_name = p.product_category
           ORDER BY p.event_id, p.created_at) s
    ON t.event_id = s.event_id
    WHEN NOT MATCHED THEN INSERT (event_id, customer_id, order_id, product_id, product_category, brand,
        purchase_timestamp, purchase_date, purchase_year, purchase_quarter, purchase_month, quantity, unit_price,
        final_total, discount_amount, estimated_gross_margin, sales_channel, customer_segment, is_repeat_customer,
        high_value_order, revenue_tier, updated_at)
    VALUES (s.event_id, s.customer_id, s.order_id, s.product_id, s.product_category, s.brand,
        s.purchase_timestamp, s.purchase_timestamp::date, extract(year FROM s.purchase_timestamp)::integer,
        extract(quarter FROM s.purchase_timestamp)::integer, extract(month FROM s.purchase_timestamp)::integer,
        s.quantity, s.unit_price, s.final_total, s.discount_amount,
        s.unit_price * coalesce(s.category_margin_rate, 0.4) * s.quantity, s.sales_channel, s.customer_segment,
        s.is_repeat_customer, s.final_total >= 100,
        CASE WHEN s.final_total >= 200 THEN 'High Value' WHEN s.final_total >= 100 THEN 'Medium Value'
             ELSE 'Standard Value' END,
        v_now);
    GET DIAGNOSTICS v_sales = ROW_COUNT;

    MERGE INTO <% gold_schema %>.dim_customers t
    USING (SELECT DISTINCT ON (c.customer_id) c.*, b.first_purchase, b.last_purchase, b.purchases, b.channel, b.payment,
                  CASE WHEN c.age BETWEEN 18 AND 25 THEN '18-25' WHEN c.age BETWEEN 26 AND 35 THEN '26-35'
                       WHEN c.age BETWEEN 36 AND 45 THEN '36-45' WHEN c.age BETWEEN 46 AND 55 THEN '46-55'
                       WHEN c.age BETWEEN 56 AND 65 THEN '56-65' ELSE '65+' END AS age_group,
                  CASE WHEN c.annual_income < 30000 THEN 'Low Income'
                       WHEN c.annual_income BETWEEN 30000 AND 60000 THEN 'Middle Income'
                       WHEN c.annual_income BETWEEN 60001 AND 100000 THEN 'Upper Middle Income'
                       ELSE 'High Income' END AS income_bracket,
                  CASE WHEN c.avg_order_value >= 100 THEN 'High Value' WHEN c.avg_order_value >= 50 THEN 'Medium Value'
                       ELSE 'Low Value' END AS value_segment,
                  CASE WHEN c.days_since_last_purchase <= 30 THEN 'Highly Engaged'
                       WHEN c.days_since_last_purchase <= 90 THEN 'Moderately Engaged' ELSE 'At Risk' END AS engagement_level,
                  CASE WHEN c.total_orders >= 5 THEN 'Loyal' WHEN c.total_orders >= 2 THEN 'Repeat' ELSE 'New' END AS loyalty_tier
           FROM <% bronze_schema %>.stg_customers c
           LEFT JOIN (SELECT customer_id, min(purchase_timestamp) AS first_purchase, max(purchase_timestamp) AS last_purchase,
                             count(*) AS purchases, mode() WITHIN GROUP (ORDER BY sales_channel) AS channel,
                             mode() WITHIN GROUP (ORDER BY payment_method) AS payment
                      FROM <% bronze_schema %>.stg_purchases GROUP BY customer_id) b ON b.customer_id = c.customer_id
           ORDER BY c.customer_id, c.last_profile_update DESC NULLS LAST) s
    ON t.customer_id = s.customer_id
    WHEN MATCHED THEN UPDATE SET
        customer_segment = s.customer_segment, age = s.age, age_group = s.age_group, annual_income = s.annual_income,
        income_bracket = s.income_bracket, state = s.state, city = s.city, primary_category = s.primary_category,
        communication_channel = s.communication_channel, price_sensitivity = s.price_sensitivity,
        total_orders = s.total_orders, total_spent = s.total_orders * s.avg_order_value,
        avg_order_value = s.avg_order_value, first_purchase_date = s.first_purchase, last_purchase_date = s.last_purchase,
        customer_tenure_days = coalesce(s.days_since_last_purchase, 0),
        annual_purchase_frequency = coalesce(s.purchases * 365.0
            / greatest(1, extract(day FROM v_now - s.first_purchase)), 0),
        preferred_sales_channel = coalesce(s.channel, 'web'), preferred_payment_method = coalesce(s.payment, 'credit_card'),
        value_segment = s.value_segment, engagement_level = s.engagement_level, churn_probability = s.churn_probability,
        lifetime_value = s.lifetime_value, loyalty_tier = s.loyalty_tier, updated_at = v_now
    WHEN NOT MATCHED THEN INSERT (customer_id, customer_segment, age, age_group, annual_income, income_bracket, state, city,
        primary_category, communication_channel, price_sensitivity, total_orders, total_spent, avg_order_value,
        first_purchase_date, last_purchase_date, customer_tenure_days, annual_purchase_frequency, preferred_sales_channel,
        preferred_payment_method, value_segment, engagement_level, churn_probability, lifetime_value, loyalty_tier,
        digital_adoption_level, updated_at)
    VALUES (s.customer_id, s.customer_segment, s.age, s.age_group, s.annual_income, s.income_bracket, s.state, s.city,
        s.primary_category, s.communication_channel, s.price_sensitivity, s.total_orders,
        s.total_orders * s.avg_order_value, s.avg_order_value, s.first_purchase, s.last_purchase,
        coalesce(s.days_since_last_purchase, 0),
        coalesce(s.purchases * 365.0 / greatest(1, extract(day FROM v_now - s.first_purchase)), 0),
        coalesce(s.channel, 'web'), coalesce(s.payment, 'credit_card'), s.value_segment, s.engagement_level,
        s.churn_probability, s.lifetime_value, s.loyalty_tier, 'Digital Adopter', v_now);
    GET DIAGNOSTICS v_customers = ROW_COUNT;
    RETURN 'Gold transformation completed successfully: ' || v_sales || ' sales added, ' || v_customers
        || ' customers updated';
END;
$$;

-- the name the seed's README troubleshooting section calls
CREATE OR REPLACE FUNCTION <% control_schema %>.transform_bronze_to_gold()
RETURNS text LANGUAGE sql AS $$
    SELECT <% control_schema %>.transform_to_gold()
$$;
