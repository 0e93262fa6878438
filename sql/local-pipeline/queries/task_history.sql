-- The last 7 days of task runs, newest first, with each started root's next run as SCHEDULED, as Snowflake's
-- TASK_HISTORY shows it. Parameters: task name or NULL (twice), errors only (twice), task name or NULL (twice), limit.
SELECT * FROM (
    SELECT task_name, state, scheduled_time, query_start_time, completed_time, error_code, error_message,
           query_id, return_value, history_id
    FROM <% control_schema %>.task_history
    WHERE (?::text IS NULL OR task_name = ?) AND (NOT ? OR state = 'FAILED')
      AND scheduled_time > now() - interval '7 days'
    UNION ALL
    SELECT task_name, 'SCHEDULED', next_run, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM <% control_schema %>.tasks
    WHERE state = 'started' AND next_run IS NOT NULL AND NOT ?
      AND (?::text IS NULL OR task_name = ?)
) h
ORDER BY scheduled_time DESC, history_id DESC NULLS FIRST
LIMIT ?
