-- Part 3: the raw landing table, its stream, and the audit trail of generation runs.
-- RAW_DATA holds the whole event (event_id, customer_id, event_type, timestamp, data), as in the seed. SnowPulse adds
-- RUN_ID, the generation run that wrote the event. The stream stays where the seed keeps it, in the control schema
-- (PUBLIC), and is created only if missing: replacing it would forget which events bronze has consumed.
-- Every time the pipeline stamps is UTC (SYSDATE()), whatever the session's time zone.

CREATE TABLE IF NOT EXISTS <% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS (
    EVENT_ID    STRING NOT NULL,
    EVENT_TYPE  STRING NOT NULL,   -- customer_profile, purchase, marketing, supply_chain
    TIMESTAMP   TIMESTAMP_NTZ NOT NULL,
    RAW_DATA    VARIANT NOT NULL,
    CREATED_AT  TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP(),
    RUN_ID      STRING
)
CLUSTER BY (EVENT_TYPE, DATE_TRUNC('DAY', TIMESTAMP))
COMMENT = 'Raw landing table for all retail events from Snowpark data generator';

CREATE STREAM IF NOT EXISTS <% database %>.<% control_schema %>.RAW_RETAIL_EVENTS_STREAM
    ON TABLE <% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS
    COMMENT = 'Change data capture stream for incremental processing';

CREATE TABLE IF NOT EXISTS <% database %>.<% reference_schema %>.DATA_GENERATION_AUDIT (
    RUN_ID                          STRING PRIMARY KEY,
    RUN_TIMESTAMP                   TIMESTAMP_NTZ NOT NULL,
    CUSTOMER_EVENTS_REQUESTED       INTEGER,
    PURCHASE_EVENTS_REQUESTED       INTEGER,
    MARKETING_EVENTS_REQUESTED      INTEGER,
    SUPPLY_CHAIN_EVENTS_REQUESTED   INTEGER,
    EVENTS_GENERATED                INTEGER,
    EXECUTION_STATUS                STRING,   -- SUCCESS, FAILED, PARTIAL
    ERROR_MESSAGE                   STRING,
    EXECUTION_TIME_SECONDS          FLOAT,
    CUSTOMER_SEGMENTS_SNAPSHOT      VARIANT,
    PRODUCT_CATEGORIES_SNAPSHOT     VARIANT,
    MARKETING_CHANNELS_SNAPSHOT     VARIANT,
    WAREHOUSES_SNAPSHOT             VARIANT,
    GENERATION_PARAMETERS_SNAPSHOT  VARIANT,
    CUSTOMER_LIFECYCLE_SNAPSHOT     VARIANT,
    CUSTOMER_SEGMENTS_CHECKSUM      STRING,
    PRODUCT_CATEGORIES_CHECKSUM     STRING,
    MARKETING_CHANNELS_CHECKSUM     STRING,
    WAREHOUSES_CHECKSUM             STRING,
    GENERATION_PARAMETERS_CHECKSUM  STRING,
    CUSTOMER_LIFECYCLE_CHECKSUM     STRING,
    CREATED_AT                      TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP()
);
