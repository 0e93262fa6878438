-- Part 6: seed 001's three tasks and their history, with Snowflake's names and states, so the task graph and history views show the
-- same things for both backends. SnowPulse's scheduler (in the app, or `snowpulse pipeline scheduler`) runs a root
-- whose next_run has come, one run at a time per graph, and a child only after its predecessor succeeded.
-- A redeploy updates definitions and schedules and keeps each task's state and history, like CREATE OR ALTER TASK.

CREATE TABLE IF NOT EXISTS <% control_schema %>.tasks (
    task_name    text PRIMARY KEY,
    predecessor  text REFERENCES <% control_schema %>.tasks (task_name),
    schedule     interval,
    state        text NOT NULL DEFAULT 'suspended' CHECK (state IN ('started', 'suspended')),
    definition   text NOT NULL,
    condition    text,
    comment      text,
    next_run     timestamptz,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((predecessor IS NULL) = (schedule IS NOT NULL))
);

CREATE TABLE IF NOT EXISTS <% control_schema %>.task_history (
    history_id        bigserial PRIMARY KEY,
    graph_run_id      uuid NOT NULL,
    task_name         text NOT NULL,
    state             text NOT NULL CHECK (state IN ('SCHEDULED', 'EXECUTING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'SKIPPED')),
    scheduled_time    timestamptz NOT NULL,
    query_start_time  timestamptz,
    completed_time    timestamptz,
    error_code        text,
    error_message     text,
    return_value      text,
    query_id          text
);

CREATE INDEX IF NOT EXISTS task_history_recent ON <% control_schema %>.task_history (scheduled_time DESC);

INSERT INTO <% control_schema %>.tasks (task_name, predecessor, schedule, definition, comment) VALUES
    ('DATA_GENERATION_TASK', NULL, '<% task_schedule %>',
     'SELECT message FROM <% control_schema %>.generate_retail_data(<% task_events %>)',
     'Generates streaming retail data <% task_schedule_words %>')
ON CONFLICT (task_name) DO UPDATE SET predecessor = EXCLUDED.predecessor, schedule = EXCLUDED.schedule,
    definition = EXCLUDED.definition, comment = EXCLUDED.comment;

INSERT INTO <% control_schema %>.tasks (task_name, predecessor, schedule, definition, comment) VALUES
    ('BRONZE_TRANSFORMATION_TASK', 'DATA_GENERATION_TASK', NULL,
     'SELECT <% control_schema %>.transform_to_bronze()', 'Transforms raw data into Bronze layer')
ON CONFLICT (task_name) DO UPDATE SET predecessor = EXCLUDED.predecessor, schedule = EXCLUDED.schedule,
    definition = EXCLUDED.definition, comment = EXCLUDED.comment;

INSERT INTO <% control_schema %>.tasks (task_name, predecessor, schedule, definition, comment) VALUES
    ('GOLD_TRANSFORMATION_TASK', 'BRONZE_TRANSFORMATION_TASK', NULL,
     'SELECT <% control_schema %>.transform_to_gold()', 'Transforms Bronze data into Gold layer')
ON CONFLICT (task_name) DO UPDATE SET predecessor = EXCLUDED.predecessor, schedule = EXCLUDED.schedule,
    definition = EXCLUDED.definition, comment = EXCLUDED.comment;

-- a started root's next run moves with a new schedule
UPDATE <% control_schema %>.tasks SET next_run = now() + schedule
WHERE predecessor IS NULL AND state = 'started' AND next_run > now() + schedule;
