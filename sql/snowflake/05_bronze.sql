-- Part 5: bronze, seed 001's staging tables and its TRANSFORM_TO_BRONZE().
-- One transaction reads the stream once for both MERGEs (a stream is repeatable-read inside a transaction and
-- advances when the transaction commits), so every event lands exactly once. Fixed from the seed: a customer seen
-- twice stays one row with the newest profile, and a purchase event read twice is still one row. RAW_DATA may hold
-- the event as an object (SnowPulse) or as JSON text (the seed's generator); both are read, and both of the seed's
-- names for a profile event (customer_profile, customer_profile_update).

CREATE TABLE IF NOT EXISTS <% database %>.<% bronze_schema %>.STG_CUSTOMERS (
    CUSTOMER_ID               STRING NOT NULL PRIMARY KEY,
    AGE                       INTEGER,
    ANNUAL_INCOME             INTEGER,
    CUSTOMER_SEGMENT          STRING,
    STATE                     STRING,
    CITY                      STRING,
    ZIP_CODE                  STRING,
    DAYS_SINCE_LAST_PURCHASE  INTEGER,
    TOTAL_ORDERS              INTEGER,
    AVG_ORDER_VALUE           FLOAT,
    CHURN_PROBABILITY         FLOAT,
    LIFETIME_VALUE            FLOAT,
    PRIMARY_CATEGORY          STRING,
    COMMUNICATION_CHANNEL     STRING,
    PRICE_SENSITIVITY         FLOAT,
    LAST_PROFILE_UPDATE       TIMESTAMP_NTZ,
    CREATED_AT                TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT                TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

CREATE TABLE IF NOT EXISTS <% database %>.<% bronze_schema %>.STG_PURCHASES (
    EVENT_ID                 STRING NOT NULL PRIMARY KEY,
    CUSTOMER_ID              STRING NOT NULL,
    ORDER_ID                 STRING NOT NULL,
    PRODUCT_ID               STRING,
    PRODUCT_CATEGORY         STRING,
    PRODUCT_SUBCATEGORY      STRING,
    BRAND                    STRING,
    UNIT_PRICE               FLOAT,
    QUANTITY                 INTEGER,
    LINE_TOTAL               FLOAT,
    SUBTOTAL                 FLOAT,
    DISCOUNT_AMOUNT          FLOAT,
    TAX_AMOUNT               FLOAT,
    SHIPPING_COST            FLOAT,
    FINAL_TOTAL              FLOAT,
    SALES_CHANNEL            STRING,
    DEVICE_TYPE              STRING,
    PAYMENT_METHOD           STRING,
    WAREHOUSE_ID             STRING,
    SHIPPING_METHOD          STRING,
    ESTIMATED_DELIVERY_DATE  TIMESTAMP_NTZ,
    CUSTOMER_SEGMENT         STRING,
    IS_REPEAT_CUSTOMER       BOOLEAN,
    CART_ABANDONMENT_RISK    FLOAT,
    RETURN_PROBABILITY       FLOAT,
    UPSELL_POTENTIAL         FLOAT,
    PURCHASE_TIMESTAMP       TIMESTAMP_NTZ,
    CREATED_AT               TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    UPDATED_AT               TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.TRANSFORM_TO_BRONZE()
RETURNS STRING
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
DECLARE
    customer_count INTEGER DEFAULT 0;
    purchase_count INTEGER DEFAULT 0;
BEGIN
    BEGIN TRANSACTION;
    MERGE INTO <% database %>.<% bronze_schema %>.STG_CUSTOMERS t
    USING (
        SELECT e.J:customer_id::STRING AS CUSTOMER_ID, e.J:data AS D,
               COALESCE(e.J:timestamp::TIMESTAMP_NTZ, e.TIMESTAMP) AS SEEN_AT
        FROM (SELECT IFF(IS_VARCHAR(RAW_DATA), PARSE_JSON(RAW_DATA::STRING), RAW_DATA) AS J, TIMESTAMP, EVENT_ID, EVENT_TYPE
              FROM <% database %>.<% control_schema %>.RAW_RETAIL_EVENTS_STREAM
              WHERE METADATA$ACTION = 'INSERT') e
        WHERE e.EVENT_TYPE IN ('customer_profile', 'customer_profile_update')
        QUALIFY ROW_NUMBER() OVER (PARTITION BY e.J:customer_id ORDER BY SEEN_AT DESC, e.EVENT_ID) = 1
    ) s
    ON t.CUSTOMER_ID = s.CUSTOMER_ID
    WHEN MATCHED THEN UPDATE SET
        AGE = s.D:age::INTEGER, ANNUAL_INCOME = s.D:income::INTEGER, CUSTOMER_SEGMENT = s.D:customer_segment::STRING,
        STATE = s.D:location.state::STRING, CITY = s.D:location.city::STRING, ZIP_CODE = s.D:location.zip_code::STRING,
        DAYS_SINCE_LAST_PURCHASE = s.D:behavioral_metrics.days_since_last_purchase::INTEGER,
        TOTAL_ORDERS = s.D:behavioral_metrics.total_orders::INTEGER,
        AVG_ORDER_VALUE = s.D:behavioral_metrics.avg_order_value::FLOAT,
        CHURN_PROBABILITY = s.D:behavioral_metrics.churn_probability::FLOAT,
        LIFETIME_VALUE = s.D:behavioral_metrics.lifetime_value::FLOAT,
        PRIMARY_CATEGORY = s.D:preferences.primary_category::STRING,
        COMMUNICATION_CHANNEL = s.D:preferences.communication_channel::STRING,
        PRICE_SENSITIVITY = s.D:preferences.price_sensitivity::FLOAT,
        LAST_PROFILE_UPDATE = s.SEEN_AT, UPDATED_AT = SYSDATE()
    WHEN NOT MATCHED THEN INSERT (CUSTOMER_ID, AGE, ANNUAL_INCOME, CUSTOMER_SEGMENT, STATE, CITY, ZIP_CODE,
        DAYS_SINCE_LAST_PURCHASE, TOTAL_ORDERS, AVG_ORDER_VALUE, CHURN_PROBABILITY, LIFETIME_VALUE, PRIMARY_CATEGORY,
        COMMUNICATION_CHANNEL, PRICE_SENSITIVITY, LAST_PROFILE_UPDATE, CREATED_AT, UPDATED_AT)
    VALUES (s.CUSTOMER_ID, s.D:age::INTEGER, s.D:income::INTEGER, s.D:customer_segment::STRING,
        s.D:location.state::STRING, s.D:location.city::STRING, s.D:location.zip_code::STRING,
        s.D:behavioral_metrics.days_since_last_purchase::INTEGER, s.D:behavioral_metrics.total_orders::INTEGER,
        s.D:behavioral_metrics.avg_order_value::FLOAT, s.D:behavioral_metrics.churn_probability::FLOAT,
        s.D:behavioral_metrics.lifetime_value::FLOAT, s.D:preferences.primary_category::STRING,
        s.D:preferences.communication_channel::STRING, s.D:preferences.price_sensitivity::FLOAT,
        s.SEEN_AT, SYSDATE(), SYSDATE());
    customer_count := SQLROWCOUNT;

    MERGE INTO <% database %>.<% bronze_schema %>.STG_PURCHASES t
    USING (
        SELECT e.EVENT_ID, e.J:customer_id::STRING AS CUSTOMER_ID, e.J:data AS D,
               COALESCE(e.J:timestamp::TIMESTAMP_NTZ, e.TIMESTAMP) AS AT
        FROM (SELECT IFF(IS_VARCHAR(RAW_DATA), PARSE_JSON(RAW_DATA::STRING), RAW_DATA) AS J, TIMESTAMP, EVENT_ID, EVENT_TYPE
              FROM <% database %>.<% control_schema %>.RAW_RETAIL_EVENTS_STREAM
              WHERE METADATA$ACTION = 'INSERT') e
        WHERE e.EVENT_TYPE = 'purchase'
        QUALIFY ROW_NUMBER() OVER (PARTITION BY e.EVENT_ID ORDER BY AT) = 1
    ) s
    ON t.EVENT_ID = s.EVENT_ID
    WHEN NOT MATCHED THEN INSERT (EVENT_ID, CUSTOMER_ID, ORDER_ID, PRODUCT_ID, PRODUCT_CATEGORY, PRODUCT_SUBCATEGORY,
        BRAND, UNIT_PRICE, QUANTITY, LINE_TOTAL, SUBTOTAL, DISCOUNT_AMOUNT, TAX_AMOUNT, SHIPPING_COST, FINAL_TOTAL,
        SALES_CHANNEL, DEVICE_TYPE, PAYMENT_METHOD, WAREHOUSE_ID, SHIPPING_METHOD, ESTIMATED_DELIVERY_DATE,
        CUSTOMER_SEGMENT, IS_REPEAT_CUSTOMER, CART_ABANDONMENT_RISK, RETURN_PROBABILITY, UPSELL_POTENTIAL,
        PURCHASE_TIMESTAMP, CREATED_AT, UPDATED_AT)
    VALUES (s.EVENT_ID, s.CUSTOMER_ID, s.D:order_id::STRING, s.D:product_details.product_id::STRING,
        s.D:product_details.category::STRING, s.D:product_details.subcategory::STRING, s.D:product_details.brand::STRING,
        s.D:product_details.unit_price::FLOAT, s.D:product_details.quantity::INTEGER,
        s.D:product_details.total_amount::FLOAT, s.D:pricing.subtotal::FLOAT, s.D:pricing.discount_amount::FLOAT,
        s.D:pricing.tax_amount::FLOAT, s.D:pricing.shipping_cost::FLOAT, s.D:pricing.final_total::FLOAT,
        s.D:channel.platform::STRING, s.D:channel.device_type::STRING, s.D:channel.payment_method::STRING,
        s.D:fulfillment.warehouse_id::STRING, s.D:fulfillment.shipping_method::STRING,
        s.D:fulfillment.estimated_delivery::TIMESTAMP_NTZ, s.D:ml_features.customer_segment::STRING,
        s.D:ml_features.is_repeat_customer::BOOLEAN, s.D:ml_features.cart_abandonment_risk::FLOAT,
        s.D:ml_features.return_probability::FLOAT, s.D:ml_features.upsell_potential::FLOAT,
        s.AT, SYSDATE(), SYSDATE());
    purchase_count := SQLROWCOUNT;
    COMMIT;
    RETURN 'Bronze transformation completed: ' || customer_count || ' customers, ' || purchase_count || ' purchases';
EXCEPTION
    WHEN OTHER THEN
        ROLLBACK;
        RAISE;
END;
$$;
