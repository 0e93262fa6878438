-- The last 7 days of a schema's task runs, newest first, as TASK_HISTORY reports them (its SCHEDULED rows included).
-- Variables beside the schema names: the task graph's schema, the row limit, TRUE for failures only, and the
-- optional TASK_NAME argument (empty, or ", TASK_NAME => 'NAME'" for one task).
SELECT NAME, STATE, SCHEDULED_TIME, QUERY_START_TIME, COMPLETED_TIME, ERROR_CODE, ERROR_MESSAGE, QUERY_ID, RETURN_VALUE
FROM TABLE(<% database %>.INFORMATION_SCHEMA.TASK_HISTORY(SCHEDULED_TIME_RANGE_START => DATEADD('day', -7, CURRENT_TIMESTAMP()), RESULT_LIMIT => <% limit %>, ERROR_ONLY => <% errors_only %><% task_name_argument %>))
WHERE SCHEMA_NAME = '<% task_schema %>'
ORDER BY SCHEDULED_TIME DESC
