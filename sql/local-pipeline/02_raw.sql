-- Part 2: raw events, their change feed, and the audit trail of generation runs, with seed 001's columns.
-- raw_data holds the whole event (event_id, customer_id, event_type, timestamp, data), as in the seed; SnowPulse adds
-- run_id and, for the change feed, event_seq and consumed_at.
-- The change feed replaces a Snowflake stream with claims: an event is unconsumed until a transform run claims it by
-- setting consumed_at, in the transaction that writes it to bronze. Claims take row locks with SKIP LOCKED, so two
-- runs at once split the events between them, and an event still being written is claimed by a later run: each event
-- is processed once and none is skipped (an offset on a sequence would skip events whose writer commits late).
-- Every time the pipeline stamps is UTC: timezone('UTC', ...) into timestamp columns, like Snowflake's TIMESTAMP_NTZ.

CREATE TABLE IF NOT EXISTS <% raw_schema %>.raw_retail_events (
    event_id    text NOT NULL,
    event_type  text NOT NULL,   -- customer_profile, purchase, marketing, supply_chain
    "timestamp" timestamp NOT NULL,
    raw_data    jsonb NOT NULL,
    created_at  timestamp DEFAULT timezone('UTC', now()),
    run_id      text,
    event_seq   bigserial,
    consumed_at timestamp
);

CREATE INDEX IF NOT EXISTS raw_retail_events_unconsumed ON <% raw_schema %>.raw_retail_events (event_seq)
    WHERE consumed_at IS NULL;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.data_generation_audit (
    run_id                          text PRIMARY KEY,
    run_timestamp                   timestamp NOT NULL,
    customer_events_requested       integer,
    purchase_events_requested       integer,
    marketing_events_requested      integer,
    supply_chain_events_requested   integer,
    events_generated                integer,
    execution_status                text,   -- SUCCESS, FAILED, PARTIAL
    error_message                   text,
    execution_time_seconds          double precision,
    customer_segments_snapshot      jsonb,
    product_categories_snapshot     jsonb,
    marketing_channels_snapshot     jsonb,
    warehouses_snapshot             jsonb,
    generation_parameters_snapshot  jsonb,
    customer_lifecycle_snapshot     jsonb,
    customer_segments_checksum      text,
    product_categories_checksum     text,
    marketing_channels_checksum     text,
    warehouses_checksum             text,
    generation_parameters_checksum  text,
    customer_lifecycle_checksum     text,
    created_at                      timestamp DEFAULT timezone('UTC', now())
);

CREATE INDEX IF NOT EXISTS data_generation_audit_time ON <% reference_schema %>.data_generation_audit (run_timestamp DESC);
