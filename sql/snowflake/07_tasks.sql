-- Part 7: the task graph DATA_GENERATION_TASK -> BRONZE_TRANSFORMATION_TASK -> GOLD_TRANSFORMATION_TASK.
-- Snowflake wants the root suspended before a graph changes; CREATE OR ALTER keeps each task's history,
-- and the graph stays suspended until START_PIPELINE (or the Pipeline tab's Start) resumes it.
-- task_compute is either WAREHOUSE = <name> or USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL' (serverless).

ALTER TASK IF EXISTS <% database %>.<% control_schema %>.DATA_GENERATION_TASK SUSPEND;

CREATE OR ALTER TASK <% database %>.<% control_schema %>.DATA_GENERATION_TASK
    <% task_compute %>
    SCHEDULE = '<% task_schedule %>'
    COMMENT = 'SnowPulse retail pipeline: generate events'
AS
    CALL <% database %>.<% control_schema %>.GENERATE_RETAIL_DATA(20, 50, 10, 5);

CREATE OR ALTER TASK <% database %>.<% control_schema %>.BRONZE_TRANSFORMATION_TASK
    <% task_compute %>
    COMMENT = 'SnowPulse retail pipeline: raw stream to bronze'
    AFTER <% database %>.<% control_schema %>.DATA_GENERATION_TASK
AS
    CALL <% database %>.<% control_schema %>.TRANSFORM_RAW_TO_BRONZE();

CREATE OR ALTER TASK <% database %>.<% control_schema %>.GOLD_TRANSFORMATION_TASK
    <% task_compute %>
    COMMENT = 'SnowPulse retail pipeline: bronze to gold'
    AFTER <% database %>.<% control_schema %>.BRONZE_TRANSFORMATION_TASK
AS
    CALL <% database %>.<% control_schema %>.TRANSFORM_BRONZE_TO_GOLD();
