-- SnowPulse retail pipeline on PostgreSQL, part 1 of 8: schemas and the reference tables, with seed 001's columns and
-- values. The same model as sql/snowflake/ (names in lower case, Snowflake's types as PostgreSQL's: STRING text,
-- FLOAT double precision, VARIANT jsonb, TIMESTAMP_NTZ timestamp holding UTC), for the Local demo and for Snowflake
-- Postgres users who want the pipeline next to their OLTP data. Deployed by `snowpulse pipeline deploy` in one
-- transaction, after a plan: tables are created only if missing (a deploy adds the columns an existing one lacks),
-- and a row is added only when its key is missing, so a redeploy keeps data and edits.

CREATE SCHEMA IF NOT EXISTS <% raw_schema %>;
CREATE SCHEMA IF NOT EXISTS <% bronze_schema %>;
CREATE SCHEMA IF NOT EXISTS <% gold_schema %>;
CREATE SCHEMA IF NOT EXISTS <% reference_schema %>;
CREATE SCHEMA IF NOT EXISTS DATA_QUALITY;
CREATE SCHEMA IF NOT EXISTS <% control_schema %>;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.customer_segments (
    segment_name        text PRIMARY KEY,
    weight              double precision NOT NULL,
    avg_order_value     double precision NOT NULL,
    purchase_frequency  double precision NOT NULL,
    description         text,
    created_at          timestamp DEFAULT timezone('UTC', now()),
    updated_at          timestamp DEFAULT timezone('UTC', now())
);

INSERT INTO <% reference_schema %>.customer_segments (segment_name, weight, avg_order_value, purchase_frequency, description)
SELECT v.* FROM (VALUES
    ('premium',    0.15, 150.0, 0.3,  'High-value customers with frequent purchases'),
    ('regular',    0.60,  75.0, 0.15, 'Standard customers with moderate spending'),
    ('occasional', 0.25,  45.0, 0.05, 'Infrequent customers with lower spending')
) AS v (segment_name, weight, avg_order_value, purchase_frequency, description)
WHERE NOT EXISTS (SELECT 1 FROM <% reference_schema %>.customer_segments t WHERE t.segment_name = v.segment_name);

CREATE TABLE IF NOT EXISTS <% reference_schema %>.product_categories (
    category_name         text PRIMARY KEY,
    seasonal_peak_months  text NOT NULL,   -- a JSON array of month numbers
    margin_rate           double precision NOT NULL,
    return_rate           double precision NOT NULL,
    description           text,
    created_at            timestamp DEFAULT timezone('UTC', now()),
    updated_at            timestamp DEFAULT timezone('UTC', now())
);

INSERT INTO <% reference_schema %>.product_categories (category_name, seasonal_peak_months, margin_rate, return_rate, description)
SELECT v.* FROM (VALUES
    ('electronics',    '[11, 12]',      0.25, 0.08, 'Electronic devices and gadgets'),
    ('clothing',       '[3, 4, 9, 10]', 0.60, 0.15, 'Apparel and fashion items'),
    ('home_garden',    '[4, 5, 6]',     0.45, 0.05, 'Home and garden products'),
    ('sports_outdoor', '[5, 6, 7, 8]',  0.40, 0.07, 'Sports and outdoor equipment'),
    ('beauty_health',  '[1, 12]',       0.55, 0.03, 'Beauty and health products'),
    ('books_media',    '[9, 10, 11]',   0.35, 0.02, 'Books and media content')
) AS v (category_name, seasonal_peak_months, margin_rate, return_rate, description)
WHERE NOT EXISTS (SELECT 1 FROM <% reference_schema %>.product_categories t WHERE t.category_name = v.category_name);

CREATE TABLE IF NOT EXISTS <% reference_schema %>.marketing_channels (
    channel_name          text PRIMARY KEY,
    cost_per_acquisition  double precision NOT NULL,
    conversion_rate       double precision NOT NULL,
    engagement_rate       double precision NOT NULL,
    description           text,
    created_at            timestamp DEFAULT timezone('UTC', now()),
    updated_at            timestamp DEFAULT timezone('UTC', now())
);

INSERT INTO <% reference_schema %>.marketing_channels (channel_name, cost_per_acquisition, conversion_rate, engagement_rate, description)
SELECT v.* FROM (VALUES
    ('email',        15.0, 0.03,  0.25, 'Email marketing campaigns'),
    ('social_media', 25.0, 0.02,  0.08, 'Social media advertising'),
    ('search_ads',   35.0, 0.05,  0.12, 'Search engine advertising'),
    ('display_ads',  20.0, 0.015, 0.05, 'Display advertising banners'),
    ('affiliate',    45.0, 0.08,  0.35, 'Affiliate marketing partnerships'),
    ('direct',        0.0, 0.12,  0.60, 'Direct traffic and referrals')
) AS v (channel_name, cost_per_acquisition, conversion_rate, engagement_rate, description)
WHERE NOT EXISTS (SELECT 1 FROM <% reference_schema %>.marketing_channels t WHERE t.channel_name = v.channel_name);

CREATE TABLE IF NOT EXISTS <% reference_schema %>.warehouses (
    warehouse_id   text PRIMARY KEY,
    location_name  text NOT NULL,
    capacity       bigint NOT NULL,
    description    text,
    created_at     timestamp DEFAULT timezone('UTC', now()),
    updated_at     timestamp DEFAULT timezone('UTC', now())
);

INSERT INTO <% reference_schema %>.warehouses (warehouse_id, location_name, capacity, description)
SELECT v.* FROM (VALUES
    ('WH_001', 'West Coast', 25000, 'Primary west coast distribution center'),
    ('WH_002', 'East Coast', 30000, 'Primary east coast distribution center'),
    ('WH_003', 'Central',    20000, 'Central region distribution center'),
    ('WH_004', 'South',      18000, 'Southern region distribution center')
) AS v (warehouse_id, location_name, capacity, description)
WHERE NOT EXISTS (SELECT 1 FROM <% reference_schema %>.warehouses t WHERE t.warehouse_id = v.warehouse_id);

-- numbers as the seed writes them (TO_VARIANT('0.8'): a JSON string), lists as JSON arrays
CREATE TABLE IF NOT EXISTS <% reference_schema %>.generation_parameters (
    parameter_name   text PRIMARY KEY,
    parameter_value  jsonb NOT NULL,
    parameter_type   text NOT NULL,   -- STRING, NUMBER, BOOLEAN, ARRAY, OBJECT
    description      text,
    created_at       timestamp DEFAULT timezone('UTC', now()),
    updated_at       timestamp DEFAULT timezone('UTC', now())
);

INSERT INTO <% reference_schema %>.generation_parameters (parameter_name, parameter_value, parameter_type, description)
SELECT v.parameter_name,
       CASE WHEN v.parameter_type IN ('ARRAY', 'OBJECT') THEN v.parameter_value::jsonb ELSE to_jsonb(v.parameter_value) END,
       v.parameter_type, v.description
FROM (VALUES
    ('core_loyal_customers',            '3500', 'NUMBER', 'Number of core loyal customers who continue spending forever'),
    ('sliding_window_customers',        '1000', 'NUMBER', 'Number of customers in the sliding window (join and churn)'),
    ('sliding_window_days',             '90',   'NUMBER', 'Number of days for sliding window customer lifecycle'),
    ('new_customer_join_rate',          '0.08', 'NUMBER', 'Probability of generating new customers in sliding window per run'),
    ('sliding_customer_churn_rate',     '0.03', 'NUMBER', 'Probability of sliding window customers churning per run'),
    ('repeat_customer_probability',     '0.8',  'NUMBER', 'Probability of selecting an existing customer for purchases'),
    ('customer_preference_probability', '0.6',  'NUMBER', 'Probability customer buys from preferred category'),
    ('income_correlation_premium',      '11.5', 'NUMBER', 'Log-normal parameter for premium customer income'),
    ('income_correlation_regular',      '11.0', 'NUMBER', 'Log-normal parameter for regular customer income'),
    ('income_correlation_occasional',   '10.5', 'NUMBER', 'Log-normal parameter for occasional customer income'),
    ('age_mean',                        '42',   'NUMBER', 'Mean age for customer generation'),
    ('age_std',                         '15',   'NUMBER', 'Standard deviation for customer age'),
    ('price_range_min',                 '10',   'NUMBER', 'Minimum product price'),
    ('price_range_max',                 '500',  'NUMBER', 'Maximum product price'),
    ('tax_rate',                        '0.08', 'NUMBER', 'Tax rate applied to purchases'),
    ('shipping_cost_max',               '15',   'NUMBER', 'Maximum shipping cost'),
    ('communication_channels', '["email", "sms", "push", "mail"]', 'ARRAY', 'Available communication channels'),
    ('payment_methods', '["credit_card", "debit_card", "paypal", "apple_pay", "cash"]', 'ARRAY', 'Available payment methods'),
    ('platforms', '["web", "mobile_app", "in_store", "phone"]', 'ARRAY', 'Available sales platforms'),
    ('device_types', '["desktop", "mobile", "tablet", "pos"]', 'ARRAY', 'Available device types'),
    ('shipping_methods', '["standard", "express", "overnight", "pickup"]', 'ARRAY', 'Available shipping methods')
) AS v (parameter_name, parameter_value, parameter_type, description)
WHERE NOT EXISTS (SELECT 1 FROM <% reference_schema %>.generation_parameters t WHERE t.parameter_name = v.parameter_name);

-- which customers the generator draws from: CUST_<n>, n spread over min..max_customer_id_epoch
CREATE TABLE IF NOT EXISTS <% reference_schema %>.customer_lifecycle (
    customer_type          text PRIMARY KEY,   -- CORE_LOYAL, SLIDING_WINDOW
    min_customer_id_epoch  bigint NOT NULL,
    max_customer_id_epoch  bigint NOT NULL,
    customer_count         integer NOT NULL,
    is_active              boolean DEFAULT true,
    churn_probability      double precision DEFAULT 0.0,
    description            text,
    created_at             timestamp DEFAULT timezone('UTC', now()),
    updated_at             timestamp DEFAULT timezone('UTC', now())
);

INSERT INTO <% reference_schema %>.customer_lifecycle (customer_type, min_customer_id_epoch, max_customer_id_epoch,
    customer_count, is_active, churn_probability, description)
SELECT v.customer_type, v.min_epoch, coalesce(v.max_epoch, extract(epoch FROM now())::bigint), v.customer_count,
       v.is_active, v.churn_probability, v.description
FROM (VALUES
    ('CORE_LOYAL',     1000000000::bigint, 1100000000::bigint, 3500, true, 0.001,
     'Core loyal customers who continue spending forever with very low churn'),
    ('SLIDING_WINDOW', 1700000000::bigint, NULL::bigint,       1000, true, 0.05,
     'Sliding window customers who join and churn over time')
) AS v (customer_type, min_epoch, max_epoch, customer_count, is_active, churn_probability, description)
WHERE NOT EXISTS (SELECT 1 FROM <% reference_schema %>.customer_lifecycle t WHERE t.customer_type = v.customer_type);

-- which customers the generator has seen, and which of them churned
CREATE TABLE IF NOT EXISTS <% reference_schema %>.generator_customer_status (
    customer_id             text PRIMARY KEY,
    customer_type           text NOT NULL,   -- CORE_LOYAL, SLIDING_WINDOW
    is_active_in_generator  boolean NOT NULL DEFAULT true,
    last_activity_date      timestamp DEFAULT timezone('UTC', now()),
    churn_date              timestamp,
    created_at              timestamp DEFAULT timezone('UTC', now()),
    updated_at              timestamp DEFAULT timezone('UTC', now())
);
