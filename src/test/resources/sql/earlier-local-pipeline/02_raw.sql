-- Part 2: raw events, their change feed, and the audit trail of generation runs.
-- The change feed replaces a Snowflake stream with claims: an event is unconsumed until a transform run claims it by
-- setting consumed_at, in the transaction that writes it to bronze. Claims take row locks with SKIP LOCKED, so two
-- runs at once split the events between them, and an event still being written is claimed by a later run: each event
-- is processed once and none is skipped (an offset on a sequence would skip events whose writer commits late).

CREATE TABLE IF NOT EXISTS <% raw_schema %>.raw_retail_events (
    event_seq   bigserial PRIMARY KEY,
    event_id    uuid NOT NULL UNIQUE,
    event_type  text NOT NULL,   -- customer_profile, purchase, marketing, supply_chain
    "timestamp" timestamptz NOT NULL,
    raw_data    jsonb NOT NULL,
    run_id      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    consumed_at timestamptz
);

-- customer numbers: new customers take the next one; repeat purchases pick among those taken
CREATE SEQUENCE IF NOT EXISTS <% raw_schema %>.customer_numbers;

CREATE INDEX IF NOT EXISTS raw_retail_events_unconsumed ON <% raw_schema %>.raw_retail_events (event_seq)
    WHERE consumed_at IS NULL;

CREATE TABLE IF NOT EXISTS <% reference_schema %>.data_generation_audit (
    run_id                         text PRIMARY KEY,
    run_timestamp                  timestamptz NOT NULL,
    customer_events_requested      integer NOT NULL,
    purchase_events_requested      integer NOT NULL,
    marketing_events_requested     integer NOT NULL,
    supply_chain_events_requested  integer NOT NULL,
    events_generated               integer NOT NULL,
    execution_status               text NOT NULL,   -- SUCCESS, FAILED
    error_message                  text,
    execution_time_seconds         double precision,
    customer_segments_snapshot     jsonb,
    customer_segments_checksum     text,
    product_categories_snapshot    jsonb,
    product_categories_checksum    text,
    marketing_channels_snapshot    jsonb,
    marketing_channels_checksum    text,
    warehouses_snapshot            jsonb,
    warehouses_checksum            text,
    generation_parameters_snapshot jsonb,
    generation_parameters_checksum text,
    customer_lifecycle_snapshot    jsonb,
    customer_lifecycle_checksum    text
);

CREATE INDEX IF NOT EXISTS data_generation_audit_time ON <% reference_schema %>.data_generation_audit (run_timestamp DESC);
