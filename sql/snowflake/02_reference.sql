-- Part 2: the reference tables that drive the generator, with seed 001's columns and values.
-- A table is created only if missing (a deploy adds the columns an existing one lacks, and nothing else), and a row
-- is added only when its key is missing, so a redeploy keeps every change a user made to the configuration.
-- GENERATION_PARAMETERS holds numbers as the seed writes them, TO_VARIANT('<text>'), and lists as arrays.

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.CUSTOMER_SEGMENTS (
    SEGMENT_NAME        STRING PRIMARY KEY,
    WEIGHT              FLOAT NOT NULL,
    AVG_ORDER_VALUE     FLOAT NOT NULL,
    PURCHASE_FREQUENCY  FLOAT NOT NULL,
    DESCRIPTION         STRING,
    CREATED_AT          TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT          TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

MERGE INTO <% database %>.<% reference_schema %>.CUSTOMER_SEGMENTS t
USING (SELECT * FROM VALUES
        ('premium',    0.15, 150.0, 0.3,  'High-value customers with frequent purchases'),
        ('regular',    0.60,  75.0, 0.15, 'Standard customers with moderate spending'),
        ('occasional', 0.25,  45.0, 0.05, 'Infrequent customers with lower spending')
      AS v(SEGMENT_NAME, WEIGHT, AVG_ORDER_VALUE, PURCHASE_FREQUENCY, DESCRIPTION)) s
ON t.SEGMENT_NAME = s.SEGMENT_NAME
WHEN NOT MATCHED THEN INSERT (SEGMENT_NAME, WEIGHT, AVG_ORDER_VALUE, PURCHASE_FREQUENCY, DESCRIPTION, CREATED_AT, UPDATED_AT)
    VALUES (s.SEGMENT_NAME, s.WEIGHT, s.AVG_ORDER_VALUE, s.PURCHASE_FREQUENCY, s.DESCRIPTION, SYSDATE(), SYSDATE());

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.PRODUCT_CATEGORIES (
    CATEGORY_NAME         STRING PRIMARY KEY,
    SEASONAL_PEAK_MONTHS  STRING NOT NULL,  -- a JSON array of month numbers
    MARGIN_RATE           FLOAT NOT NULL,
    RETURN_RATE           FLOAT NOT NULL,
    DESCRIPTION           STRING,
    CREATED_AT            TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT            TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

MERGE INTO <% database %>.<% reference_schema %>.PRODUCT_CATEGORIES t
USING (SELECT * FROM VALUES
        ('electronics',    '[11, 12]',      0.25, 0.08, 'Electronic devices and gadgets'),
        ('clothing',       '[3, 4, 9, 10]', 0.60, 0.15, 'Apparel and fashion items'),
        ('home_garden',    '[4, 5, 6]',     0.45, 0.05, 'Home and garden products'),
        ('sports_outdoor', '[5, 6, 7, 8]',  0.40, 0.07, 'Sports and outdoor equipment'),
        ('beauty_health',  '[1, 12]',       0.55, 0.03, 'Beauty and health products'),
        ('books_media',    '[9, 10, 11]',   0.35, 0.02, 'Books and media content')
      AS v(CATEGORY_NAME, SEASONAL_PEAK_MONTHS, MARGIN_RATE, RETURN_RATE, DESCRIPTION)) s
ON t.CATEGORY_NAME = s.CATEGORY_NAME
WHEN NOT MATCHED THEN INSERT (CATEGORY_NAME, SEASONAL_PEAK_MONTHS, MARGIN_RATE, RETURN_RATE, DESCRIPTION, CREATED_AT, UPDATED_AT)
    VALUES (s.CATEGORY_NAME, s.SEASONAL_PEAK_MONTHS, s.MARGIN_RATE, s.RETURN_RATE, s.DESCRIPTION, SYSDATE(), SYSDATE());

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.MARKETING_CHANNELS (
    CHANNEL_NAME          STRING PRIMARY KEY,
    COST_PER_ACQUISITION  FLOAT NOT NULL,
    CONVERSION_RATE       FLOAT NOT NULL,
    ENGAGEMENT_RATE       FLOAT NOT NULL,
    DESCRIPTION           STRING,
    CREATED_AT            TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT            TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

MERGE INTO <% database %>.<% reference_schema %>.MARKETING_CHANNELS t
USING (SELECT * FROM VALUES
        ('email',        15.0, 0.03,  0.25, 'Email marketing campaigns'),
        ('social_media', 25.0, 0.02,  0.08, 'Social media advertising'),
        ('search_ads',   35.0, 0.05,  0.12, 'Search engine advertising'),
        ('display_ads',  20.0, 0.015, 0.05, 'Display advertising banners'),
        ('affiliate',    45.0, 0.08,  0.35, 'Affiliate marketing partnerships'),
        ('direct',        0.0, 0.12,  0.60, 'Direct traffic and referrals')
      AS v(CHANNEL_NAME, COST_PER_ACQUISITION, CONVERSION_RATE, ENGAGEMENT_RATE, DESCRIPTION)) s
ON t.CHANNEL_NAME = s.CHANNEL_NAME
WHEN NOT MATCHED THEN INSERT (CHANNEL_NAME, COST_PER_ACQUISITION, CONVERSION_RATE, ENGAGEMENT_RATE, DESCRIPTION, CREATED_AT, UPDATED_AT)
    VALUES (s.CHANNEL_NAME, s.COST_PER_ACQUISITION, s.CONVERSION_RATE, s.ENGAGEMENT_RATE, s.DESCRIPTION, SYSDATE(), SYSDATE());

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.WAREHOUSES (
    WAREHOUSE_ID   STRING PRIMARY KEY,
    LOCATION_NAME  STRING NOT NULL,
    CAPACITY       INTEGER NOT NULL,
    DESCRIPTION    STRING,
    CREATED_AT     TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT     TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

MERGE INTO <% database %>.<% reference_schema %>.WAREHOUSES t
USING (SELECT * FROM VALUES
        ('WH_001', 'West Coast', 25000, 'Primary west coast distribution center'),
        ('WH_002', 'East Coast', 30000, 'Primary east coast distribution center'),
        ('WH_003', 'Central',    20000, 'Central region distribution center'),
        ('WH_004', 'South',      18000, 'Southern region distribution center')
      AS v(WAREHOUSE_ID, LOCATION_NAME, CAPACITY, DESCRIPTION)) s
ON t.WAREHOUSE_ID = s.WAREHOUSE_ID
WHEN NOT MATCHED THEN INSERT (WAREHOUSE_ID, LOCATION_NAME, CAPACITY, DESCRIPTION, CREATED_AT, UPDATED_AT)
    VALUES (s.WAREHOUSE_ID, s.LOCATION_NAME, s.CAPACITY, s.DESCRIPTION, SYSDATE(), SYSDATE());

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.GENERATION_PARAMETERS (
    PARAMETER_NAME   STRING PRIMARY KEY,
    PARAMETER_VALUE  VARIANT NOT NULL,
    PARAMETER_TYPE   STRING NOT NULL,   -- STRING, NUMBER, BOOLEAN, ARRAY, OBJECT
    DESCRIPTION      STRING,
    CREATED_AT       TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT       TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

MERGE INTO <% database %>.<% reference_schema %>.GENERATION_PARAMETERS t
USING (SELECT v.PARAMETER_NAME,
              IFF(v.PARAMETER_TYPE IN ('ARRAY', 'OBJECT'), PARSE_JSON(v.PARAMETER_VALUE), TO_VARIANT(v.PARAMETER_VALUE)) AS PARAMETER_VALUE,
              v.PARAMETER_TYPE, v.DESCRIPTION
       FROM VALUES
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
       AS v(PARAMETER_NAME, PARAMETER_VALUE, PARAMETER_TYPE, DESCRIPTION)) s
ON t.PARAMETER_NAME = s.PARAMETER_NAME
WHEN NOT MATCHED THEN INSERT (PARAMETER_NAME, PARAMETER_VALUE, PARAMETER_TYPE, DESCRIPTION, CREATED_AT, UPDATED_AT)
    VALUES (s.PARAMETER_NAME, s.PARAMETER_VALUE, s.PARAMETER_TYPE, s.DESCRIPTION, SYSDATE(), SYSDATE());

-- Which customers the generator draws from: a core that keeps buying, and a window of customers who join and churn.
-- Customer ids are CUST_<n>, n spread over MIN..MAX_CUSTOMER_ID_EPOCH; the sliding window's range ends at setup time.
CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.CUSTOMER_LIFECYCLE (
    CUSTOMER_TYPE          STRING PRIMARY KEY,   -- CORE_LOYAL, SLIDING_WINDOW
    MIN_CUSTOMER_ID_EPOCH  INTEGER NOT NULL,
    MAX_CUSTOMER_ID_EPOCH  INTEGER NOT NULL,
    CUSTOMER_COUNT         INTEGER NOT NULL,
    IS_ACTIVE              BOOLEAN DEFAULT TRUE,
    CHURN_PROBABILITY      FLOAT DEFAULT 0.0,
    DESCRIPTION            STRING,
    CREATED_AT             TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT             TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

MERGE INTO <% database %>.<% reference_schema %>.CUSTOMER_LIFECYCLE t
USING (SELECT v.CUSTOMER_TYPE, v.MIN_CUSTOMER_ID_EPOCH,
              COALESCE(v.MAX_CUSTOMER_ID_EPOCH, DATE_PART(EPOCH_SECOND, SYSDATE())) AS MAX_CUSTOMER_ID_EPOCH,
              v.CUSTOMER_COUNT, v.IS_ACTIVE, v.CHURN_PROBABILITY, v.DESCRIPTION
       FROM VALUES
        ('CORE_LOYAL',     1000000000, 1100000000, 3500, TRUE, 0.001,
         'Core loyal customers who continue spending forever with very low churn'),
        ('SLIDING_WINDOW', 1700000000, NULL,       1000, TRUE, 0.05,
         'Sliding window customers who join and churn over time')
       AS v(CUSTOMER_TYPE, MIN_CUSTOMER_ID_EPOCH, MAX_CUSTOMER_ID_EPOCH, CUSTOMER_COUNT, IS_ACTIVE, CHURN_PROBABILITY, DESCRIPTION)) s
ON t.CUSTOMER_TYPE = s.CUSTOMER_TYPE
WHEN NOT MATCHED THEN INSERT (CUSTOMER_TYPE, MIN_CUSTOMER_ID_EPOCH, MAX_CUSTOMER_ID_EPOCH, CUSTOMER_COUNT, IS_ACTIVE,
        CHURN_PROBABILITY, DESCRIPTION, CREATED_AT, UPDATED_AT)
    VALUES (s.CUSTOMER_TYPE, s.MIN_CUSTOMER_ID_EPOCH, s.MAX_CUSTOMER_ID_EPOCH, s.CUSTOMER_COUNT, s.IS_ACTIVE,
        s.CHURN_PROBABILITY, s.DESCRIPTION, SYSDATE(), SYSDATE());

-- Which customers the generator has seen, and which of them churned.
CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.GENERATOR_CUSTOMER_STATUS (
    CUSTOMER_ID             STRING PRIMARY KEY,
    CUSTOMER_TYPE           STRING NOT NULL,   -- CORE_LOYAL, SLIDING_WINDOW
    IS_ACTIVE_IN_GENERATOR  BOOLEAN NOT NULL DEFAULT TRUE,
    LAST_ACTIVITY_DATE      TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    CHURN_DATE              TIMESTAMP_NTZ,
    CREATED_AT              TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT              TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);
