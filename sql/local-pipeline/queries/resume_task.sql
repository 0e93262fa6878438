-- Resumes a task; a root resumes with its whole graph and gets its next run. Parameters: the task name, twice.
UPDATE <% control_schema %>.tasks
SET state = 'started',
    next_run = CASE WHEN predecessor IS NULL THEN now() + schedule END
WHERE task_name = ?
   OR (? IN (SELECT task_name FROM <% control_schema %>.tasks WHERE predecessor IS NULL))
