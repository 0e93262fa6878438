-- SnowPulse retail pipeline on PostgreSQL, part 1 of 7: schemas and the reference tables, with seed 001's values.
-- The same model as sql/snowflake/, for the Local demo and for Snowflake Postgres users who want the pipeline
-- next to their OLTP data. Deployed by `snowpulse pipeline deploy` in one transaction; idempotent: tables are created
-- only if missing and seed rows only added when their key is missing, so a redeploy keeps data and edits.

CREATE SCHEMA IF NOT EXISTS <% raw_schema %>;
CREATE SCHEMA IF NOT EXISTS <% bronze_schema %>;
CREATE SCHEMA IF NOT EXISTS <% gold_schema %>;
CREATE SCHEMA IF NOT EXISTS <% reference_schema %>;
CREATE SCHEMA IF NOT EXISTS <% control_schema %>;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.customer_segments (
    segment_name        text PRIMARY KEY,
    weight              double precision NOT NULL CHECK (weight BETWEEN 0 AND 1),
    avg_order_value     double precision NOT NULL CHECK (avg_order_value >= 0),
    purchase_frequency  double precision NOT NULL CHECK (purchase_frequency BETWEEN 0 AND 1),
    description         text
);

INSERT INTO <% reference_schema %>.customer_segments VALUES
    ('premium',    0.15, 150.0, 0.30, 'High-value customers who buy often'),
    ('regular',    0.60,  75.0, 0.15, 'Steady customers with average baskets'),
    ('occasional', 0.25,  45.0, 0.05, 'Infrequent, price-sensitive customers')
ON CONFLICT (segment_name) DO NOTHING;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.product_categories (
    category_name         text PRIMARY KEY,
    seasonal_peak_months  text NOT NULL,   -- a JSON array of month numbers, as in the seed
    margin_rate           double precision NOT NULL CHECK (margin_rate BETWEEN 0 AND 1),
    return_rate           double precision NOT NULL CHECK (return_rate BETWEEN 0 AND 1),
    description           text
);

INSERT INTO <% reference_schema %>.product_categories VALUES
    ('electronics',    '[11, 12]', 0.25, 0.08, 'Phones, computers and accessories'),
    ('clothing',       '[3, 4, 9, 10]', 0.55, 0.15, 'Apparel and shoes'),
    ('home_garden',    '[4, 5, 6]', 0.40, 0.05, 'Furniture, decor and garden supplies'),
    ('sports_outdoor', '[5, 6, 7]', 0.35, 0.06, 'Sports equipment and outdoor gear'),
    ('beauty_health',  '[2, 11, 12]', 0.60, 0.04, 'Cosmetics and personal care'),
    ('books_media',    '[8, 9, 12]', 0.30, 0.03, 'Books, music and films')
ON CONFLICT (category_name) DO NOTHING;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.marketing_channels (
    channel_name          text PRIMARY KEY,
    cost_per_acquisition  double precision NOT NULL CHECK (cost_per_acquisition >= 0),
    conversion_rate       double precision NOT NULL CHECK (conversion_rate BETWEEN 0 AND 1),
    engagement_rate       double precision NOT NULL CHECK (engagement_rate BETWEEN 0 AND 1)
);

INSERT INTO <% reference_schema %>.marketing_channels VALUES
    ('email',         5.0, 0.04, 0.22),
    ('social_media', 12.0, 0.02, 0.35),
    ('search',       18.0, 0.05, 0.18),
    ('display',       9.0, 0.01, 0.08),
    ('affiliate',    15.0, 0.03, 0.12)
ON CONFLICT (channel_name) DO NOTHING;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.warehouses (
    warehouse_id   text PRIMARY KEY,
    location_name  text NOT NULL,
    capacity       bigint NOT NULL CHECK (capacity >= 1)
);

INSERT INTO <% reference_schema %>.warehouses VALUES
    ('WH-EAST',    'Newark, NJ',   50000),
    ('WH-WEST',    'Reno, NV',     45000),
    ('WH-CENTRAL', 'Columbus, OH', 40000),
    ('WH-SOUTH',   'Dallas, TX',   35000)
ON CONFLICT (warehouse_id) DO NOTHING;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.generation_parameters (
    parameter_name   text PRIMARY KEY,
    parameter_value  jsonb NOT NULL,
    parameter_type   text NOT NULL,   -- probability, rate, count, money, list
    description      text
);

INSERT INTO <% reference_schema %>.generation_parameters VALUES
    ('repeat_customer_probability', '0.8', 'probability', 'Chance that a purchase comes from a known customer'),
    ('tax_rate',                    '0.08', 'rate', 'Sales tax applied to the discounted subtotal'),
    ('max_discount_rate',           '0.3', 'rate', 'Largest discount a purchase can get'),
    ('free_shipping_threshold',     '50', 'money', 'Orders at or above this subtotal ship free'),
    ('shipping_cost',               '7.99', 'money', 'Shipping charged below the threshold'),
    ('max_items_per_order',         '5', 'count', 'Largest quantity in one purchase'),
    ('payment_methods',             '["credit_card", "debit_card", "paypal", "apple_pay", "gift_card"]', 'list', 'Ways customers pay')
ON CONFLICT (parameter_name) DO NOTHING;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.customer_lifecycle (
    lifecycle_stage  text PRIMARY KEY,
    share            double precision NOT NULL CHECK (share BETWEEN 0 AND 1),
    churn_rate       double precision NOT NULL CHECK (churn_rate BETWEEN 0 AND 1),
    active_days      integer NOT NULL CHECK (active_days >= 1),
    description      text
);

INSERT INTO <% reference_schema %>.customer_lifecycle VALUES
    ('core_loyal',     0.30, 0.02, 365, 'Customers who stay and buy again'),
    ('sliding_window', 0.70, 0.25,  90, 'Customers active for a while who then drift away')
ON CONFLICT (lifecycle_stage) DO NOTHING;
