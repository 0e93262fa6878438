-- Part 2: the reference tables that drive the generator, with the seed's values.
-- Tables are created only if missing and rows are only added when their key is missing,
-- so a redeploy keeps every change a user made to the configuration.

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.CUSTOMER_SEGMENTS (
    SEGMENT_NAME        VARCHAR PRIMARY KEY,
    WEIGHT              FLOAT NOT NULL,
    AVG_ORDER_VALUE     FLOAT NOT NULL,
    PURCHASE_FREQUENCY  FLOAT NOT NULL,
    DESCRIPTION         VARCHAR
);

MERGE INTO <% database %>.<% reference_schema %>.CUSTOMER_SEGMENTS t
USING (SELECT * FROM VALUES
        ('premium',    0.15, 150.0, 0.30, 'High-value customers who buy often'),
        ('regular',    0.60,  75.0, 0.15, 'Steady customers with average baskets'),
        ('occasional', 0.25,  45.0, 0.05, 'Infrequent, price-sensitive customers')
      AS v(SEGMENT_NAME, WEIGHT, AVG_ORDER_VALUE, PURCHASE_FREQUENCY, DESCRIPTION)) s
ON t.SEGMENT_NAME = s.SEGMENT_NAME
WHEN NOT MATCHED THEN INSERT (SEGMENT_NAME, WEIGHT, AVG_ORDER_VALUE, PURCHASE_FREQUENCY, DESCRIPTION)
    VALUES (s.SEGMENT_NAME, s.WEIGHT, s.AVG_ORDER_VALUE, s.PURCHASE_FREQUENCY, s.DESCRIPTION);

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.PRODUCT_CATEGORIES (
    CATEGORY_NAME         VARCHAR PRIMARY KEY,
    SEASONAL_PEAK_MONTHS  VARCHAR NOT NULL,  -- a JSON array of month numbers, as in the seed
    MARGIN_RATE           FLOAT NOT NULL,
    RETURN_RATE           FLOAT NOT NULL,
    DESCRIPTION           VARCHAR
);

MERGE INTO <% database %>.<% reference_schema %>.PRODUCT_CATEGORIES t
USING (SELECT * FROM VALUES
        ('electronics',    '[11, 12]', 0.25, 0.08, 'Phones, computers and accessories'),
        ('clothing',       '[3, 4, 9, 10]', 0.55, 0.15, 'Apparel and shoes'),
        ('home_garden',    '[4, 5, 6]', 0.40, 0.05, 'Furniture, decor and garden supplies'),
        ('sports_outdoor', '[5, 6, 7]', 0.35, 0.06, 'Sports equipment and outdoor gear'),
        ('beauty_health',  '[2, 11, 12]', 0.60, 0.04, 'Cosmetics and personal care'),
        ('books_media',    '[8, 9, 12]', 0.30, 0.03, 'Books, music and films')
      AS v(CATEGORY_NAME, SEASONAL_PEAK_MONTHS, MARGIN_RATE, RETURN_RATE, DESCRIPTION)) s
ON t.CATEGORY_NAME = s.CATEGORY_NAME
WHEN NOT MATCHED THEN INSERT (CATEGORY_NAME, SEASONAL_PEAK_MONTHS, MARGIN_RATE, RETURN_RATE, DESCRIPTION)
    VALUES (s.CATEGORY_NAME, s.SEASONAL_PEAK_MONTHS, s.MARGIN_RATE, s.RETURN_RATE, s.DESCRIPTION);

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.MARKETING_CHANNELS (
    CHANNEL_NAME          VARCHAR PRIMARY KEY,
    COST_PER_ACQUISITION  FLOAT NOT NULL,
    CONVERSION_RATE       FLOAT NOT NULL,
    ENGAGEMENT_RATE       FLOAT NOT NULL
);

MERGE INTO <% database %>.<% reference_schema %>.MARKETING_CHANNELS t
USING (SELECT * FROM VALUES
        ('email',        5.0, 0.04, 0.22),
        ('social_media', 12.0, 0.02, 0.35),
        ('search',       18.0, 0.05, 0.18),
        ('display',       9.0, 0.01, 0.08),
        ('affiliate',    15.0, 0.03, 0.12)
      AS v(CHANNEL_NAME, COST_PER_ACQUISITION, CONVERSION_RATE, ENGAGEMENT_RATE)) s
ON t.CHANNEL_NAME = s.CHANNEL_NAME
WHEN NOT MATCHED THEN INSERT (CHANNEL_NAME, COST_PER_ACQUISITION, CONVERSION_RATE, ENGAGEMENT_RATE)
    VALUES (s.CHANNEL_NAME, s.COST_PER_ACQUISITION, s.CONVERSION_RATE, s.ENGAGEMENT_RATE);

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.WAREHOUSES (
    WAREHOUSE_ID   VARCHAR PRIMARY KEY,
    LOCATION_NAME  VARCHAR NOT NULL,
    CAPACITY       NUMBER(12, 0) NOT NULL
);

MERGE INTO <% database %>.<% reference_schema %>.WAREHOUSES t
USING (SELECT * FROM VALUES
        ('WH-EAST',    'Newark, NJ',     50000),
        ('WH-WEST',    'Reno, NV',       45000),
        ('WH-CENTRAL', 'Columbus, OH',   40000),
        ('WH-SOUTH',   'Dallas, TX',     35000)
      AS v(WAREHOUSE_ID, LOCATION_NAME, CAPACITY)) s
ON t.WAREHOUSE_ID = s.WAREHOUSE_ID
WHEN NOT MATCHED THEN INSERT (WAREHOUSE_ID, LOCATION_NAME, CAPACITY)
    VALUES (s.WAREHOUSE_ID, s.LOCATION_NAME, s.CAPACITY);

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.GENERATION_PARAMETERS (
    PARAMETER_NAME   VARCHAR PRIMARY KEY,
    PARAMETER_VALUE  VARIANT NOT NULL,
    PARAMETER_TYPE   VARCHAR NOT NULL,   -- probability, rate, count, money, list
    DESCRIPTION      VARCHAR
);

MERGE INTO <% database %>.<% reference_schema %>.GENERATION_PARAMETERS t
USING (SELECT v.PARAMETER_NAME, PARSE_JSON(v.PARAMETER_VALUE) AS PARAMETER_VALUE, v.PARAMETER_TYPE, v.DESCRIPTION
       FROM VALUES
        ('repeat_customer_probability', '0.8', 'probability', 'Chance that a purchase comes from a known customer'),
        ('tax_rate',                    '0.08', 'rate', 'Sales tax applied to the discounted subtotal'),
        ('max_discount_rate',           '0.3', 'rate', 'Largest discount a purchase can get'),
        ('free_shipping_threshold',     '50', 'money', 'Orders at or above this subtotal ship free'),
        ('shipping_cost',               '7.99', 'money', 'Shipping charged below the threshold'),
        ('max_items_per_order',         '5', 'count', 'Largest quantity in one purchase'),
        ('payment_methods',             '["credit_card", "debit_card", "paypal", "apple_pay", "gift_card"]', 'list', 'Ways customers pay')
       AS v(PARAMETER_NAME, PARAMETER_VALUE, PARAMETER_TYPE, DESCRIPTION)) s
ON t.PARAMETER_NAME = s.PARAMETER_NAME
WHEN NOT MATCHED THEN INSERT (PARAMETER_NAME, PARAMETER_VALUE, PARAMETER_TYPE, DESCRIPTION)
    VALUES (s.PARAMETER_NAME, s.PARAMETER_VALUE, s.PARAMETER_TYPE, s.DESCRIPTION);

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.CUSTOMER_LIFECYCLE (
    LIFECYCLE_STAGE  VARCHAR PRIMARY KEY,   -- core_loyal keeps buying; sliding_window customers churn
    SHARE            FLOAT NOT NULL,
    CHURN_RATE       FLOAT NOT NULL,
    ACTIVE_DAYS      NUMBER(6, 0) NOT NULL,
    DESCRIPTION      VARCHAR
);

MERGE INTO <% database %>.<% reference_schema %>.CUSTOMER_LIFECYCLE t
USING (SELECT * FROM VALUES
        ('core_loyal',     0.30, 0.02, 365, 'Customers who stay and buy again'),
        ('sliding_window', 0.70, 0.25,  90, 'Customers active for a while who then drift away')
      AS v(LIFECYCLE_STAGE, SHARE, CHURN_RATE, ACTIVE_DAYS, DESCRIPTION)) s
ON t.LIFECYCLE_STAGE = s.LIFECYCLE_STAGE
WHEN NOT MATCHED THEN INSERT (LIFECYCLE_STAGE, SHARE, CHURN_RATE, ACTIVE_DAYS, DESCRIPTION)
    VALUES (s.LIFECYCLE_STAGE, s.SHARE, s.CHURN_RATE, s.ACTIVE_DAYS, s.DESCRIPTION);
