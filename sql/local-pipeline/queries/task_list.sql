-- The tasks of the graph in the order they were created: the Pipeline tab's task graph and `pipeline tasks`.
SELECT task_name, state, extract(epoch FROM schedule)::bigint AS seconds, predecessor, definition, condition
FROM <% control_schema %>.tasks
ORDER BY created_at, task_name
