-- Part 7: seed 001's task graph DATA_GENERATION_TASK -> BRONZE_TRANSFORMATION_TASK -> GOLD_TRANSFORMATION_TASK.
-- The root runs on the seed's schedule and generates the seed's counts per run unless the deploy was told otherwise
-- (task_schedule, task_events); the Pipeline tab shows both side by side, since together they are the cost.
-- Snowflake wants the root suspended before a graph changes; CREATE OR ALTER keeps each task's history, and the graph
-- stays suspended until START_PIPELINE (or the Pipeline tab's Start) resumes it.
-- task_compute is either WAREHOUSE = <name> or USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL' (serverless).

ALTER TASK IF EXISTS <% database %>.<% control_schema %>.DATA_GENERATION_TASK SUSPEND;

CREATE OR ALTER TASK <% database %>.<% control_schema %>.DATA_GENERATION_TASK
    <% task_compute %>
    SCHEDULE = '<% task_schedule %>'
    COMMENT = 'Generates streaming retail data <% task_schedule_words %>'
AS
    CALL <% database %>.<% control_schema %>.GENERATE_RETAIL_DATA(<% task_events %>);

CREATE OR ALTER TASK <% database %>.<% control_schema %>.BRONZE_TRANSFORMATION_TASK
    <% task_compute %>
    COMMENT = 'Transforms raw data into Bronze layer'
    AFTER <% database %>.<% control_schema %>.DATA_GENERATION_TASK
AS
    CALL <% database %>.<% control_schema %>.TRANSFORM_TO_BRONZE();

CREATE OR ALTER TASK <% database %>.<% control_schema %>.GOLD_TRANSFORMATION_TASK
    <% task_compute %>
    COMMENT = 'Transforms Bronze data into Gold layer'
    AFTER <% database %>.<% control_schema %>.BRONZE_TRANSFORMATION_TASK
AS
    CALL <% database %>.<% control_schema %>.TRANSFORM_TO_GOLD();
