-- The root of the graph a task belongs to, following predecessors up (at most 100 levels). Parameter: the task name.
WITH RECURSIVE up AS (
    SELECT task_name, predecessor, 0 AS depth FROM <% control_schema %>.tasks WHERE task_name = ?
    UNION ALL
    SELECT t.task_name, t.predecessor, up.depth + 1
    FROM <% control_schema %>.tasks t JOIN up ON t.task_name = up.predecessor
    WHERE up.depth < 100
)
SELECT task_name FROM up WHERE predecessor IS NULL
