-- Part 5: bronze. One transaction reads the stream once for both MERGEs (a stream is repeatable-read inside a
-- transaction and advances when the transaction commits), so every event lands exactly once.
-- A customer seen twice stays one row: the newer profile wins.

CREATE TABLE IF NOT EXISTS <% database %>.<% bronze_schema %>.STG_CUSTOMERS (
    CUSTOMER_ID      VARCHAR PRIMARY KEY,
    SEGMENT          VARCHAR,
    LIFECYCLE_STAGE  VARCHAR,
    AGE              NUMBER(3, 0),
    INCOME           NUMBER(12, 0),
    CITY             VARCHAR,
    COUNTRY          VARCHAR,
    PURCHASE_FREQUENCY FLOAT,
    AVG_ORDER_VALUE  FLOAT,
    EMAIL_OPEN_RATE  FLOAT,
    PROFILE          VARIANT,
    FIRST_SEEN_AT    TIMESTAMP_NTZ,
    UPDATED_AT       TIMESTAMP_NTZ
);

CREATE TABLE IF NOT EXISTS <% database %>.<% bronze_schema %>.STG_PURCHASES (
    EVENT_ID         VARCHAR PRIMARY KEY,
    ORDER_ID         VARCHAR,
    CUSTOMER_ID      VARCHAR,
    CUSTOMER_SEGMENT VARCHAR,
    CATEGORY         VARCHAR,
    QUANTITY         NUMBER(6, 0),
    UNIT_PRICE       NUMBER(12, 2),
    SUBTOTAL         NUMBER(12, 2),
    DISCOUNT         NUMBER(12, 2),
    TAX              NUMBER(12, 2),
    SHIPPING         NUMBER(12, 2),
    FINAL_TOTAL      NUMBER(12, 2),
    CHANNEL          VARCHAR,
    PAYMENT_METHOD   VARCHAR,
    WAREHOUSE_ID     VARCHAR,
    MARGIN_RATE      FLOAT,
    PURCHASED_AT     TIMESTAMP_NTZ,
    RUN_ID           VARCHAR,
    LOADED_AT        TIMESTAMP_NTZ
);

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.TRANSFORM_RAW_TO_BRONZE()
RETURNS VARCHAR
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
DECLARE
    customers NUMBER DEFAULT 0;
    purchases NUMBER DEFAULT 0;
BEGIN
    BEGIN TRANSACTION;
    MERGE INTO <% database %>.<% bronze_schema %>.STG_CUSTOMERS t
    USING (
        SELECT RAW_DATA:customer_id::VARCHAR AS CUSTOMER_ID, RAW_DATA AS PROFILE, TIMESTAMP AS SEEN_AT
        FROM <% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS_STREAM
        WHERE METADATA$ACTION = 'INSERT' AND EVENT_TYPE = 'customer_profile'
        QUALIFY ROW_NUMBER() OVER (PARTITION BY RAW_DATA:customer_id ORDER BY TIMESTAMP DESC, EVENT_ID) = 1
    ) s
    ON t.CUSTOMER_ID = s.CUSTOMER_ID
    WHEN MATCHED THEN UPDATE SET
        SEGMENT = s.PROFILE:segment::VARCHAR, LIFECYCLE_STAGE = s.PROFILE:lifecycle_stage::VARCHAR,
        AGE = s.PROFILE:age::NUMBER, INCOME = s.PROFILE:income::NUMBER,
        CITY = s.PROFILE:location.city::VARCHAR, COUNTRY = s.PROFILE:location.country::VARCHAR,
        PURCHASE_FREQUENCY = s.PROFILE:behavior.purchase_frequency::FLOAT,
        AVG_ORDER_VALUE = s.PROFILE:behavior.avg_order_value::FLOAT,
        EMAIL_OPEN_RATE = s.PROFILE:behavior.email_open_rate::FLOAT,
        PROFILE = s.PROFILE, UPDATED_AT = s.SEEN_AT
    WHEN NOT MATCHED THEN INSERT (CUSTOMER_ID, SEGMENT, LIFECYCLE_STAGE, AGE, INCOME, CITY, COUNTRY,
        PURCHASE_FREQUENCY, AVG_ORDER_VALUE, EMAIL_OPEN_RATE, PROFILE, FIRST_SEEN_AT, UPDATED_AT)
    VALUES (s.CUSTOMER_ID, s.PROFILE:segment::VARCHAR, s.PROFILE:lifecycle_stage::VARCHAR, s.PROFILE:age::NUMBER,
        s.PROFILE:income::NUMBER, s.PROFILE:location.city::VARCHAR, s.PROFILE:location.country::VARCHAR,
        s.PROFILE:behavior.purchase_frequency::FLOAT, s.PROFILE:behavior.avg_order_value::FLOAT,
        s.PROFILE:behavior.email_open_rate::FLOAT, s.PROFILE, s.SEEN_AT, s.SEEN_AT);
    customers := SQLROWCOUNT;

    MERGE INTO <% database %>.<% bronze_schema %>.STG_PURCHASES t
    USING (
        SELECT EVENT_ID, RUN_ID, TIMESTAMP, RAW_DATA AS P
        FROM <% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS_STREAM
        WHERE METADATA$ACTION = 'INSERT' AND EVENT_TYPE = 'purchase'
    ) s
    ON t.EVENT_ID = s.EVENT_ID
    WHEN NOT MATCHED THEN INSERT (EVENT_ID, ORDER_ID, CUSTOMER_ID, CUSTOMER_SEGMENT, CATEGORY, QUANTITY, UNIT_PRICE,
        SUBTOTAL, DISCOUNT, TAX, SHIPPING, FINAL_TOTAL, CHANNEL, PAYMENT_METHOD, WAREHOUSE_ID, MARGIN_RATE,
        PURCHASED_AT, RUN_ID, LOADED_AT)
    VALUES (s.EVENT_ID, s.P:order_id::VARCHAR, s.P:customer_id::VARCHAR, s.P:customer_segment::VARCHAR,
        s.P:product.category::VARCHAR, s.P:product.quantity::NUMBER, s.P:product.unit_price::NUMBER(12, 2),
        s.P:pricing.subtotal::NUMBER(12, 2), s.P:pricing.discount::NUMBER(12, 2), s.P:pricing.tax::NUMBER(12, 2),
        s.P:pricing.shipping::NUMBER(12, 2), s.P:pricing.final_total::NUMBER(12, 2), s.P:channel::VARCHAR,
        s.P:payment_method::VARCHAR, s.P:fulfillment.warehouse_id::VARCHAR, s.P:margin_rate::FLOAT,
        s.TIMESTAMP, s.RUN_ID, CURRENT_TIMESTAMP()::TIMESTAMP_NTZ);
    purchases := SQLROWCOUNT;
    COMMIT;
    RETURN 'bronze: ' || customers || ' customers merged, ' || purchases || ' purchases added';
EXCEPTION
    WHEN OTHER THEN
        ROLLBACK;
        RAISE;
END;
$$;
