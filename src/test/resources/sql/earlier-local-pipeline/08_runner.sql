-- Part 8: running task graphs inside PostgreSQL, so SnowPulse's scheduler and pg_cron run them the same way.
-- run_graph runs the root (or, retrying, the tasks that failed in the graph's last run), then each started child after
-- its predecessor succeeded, each task in its own transaction with a history row. A session advisory lock keeps one
-- run per graph at a time; a run that finds the graph busy is recorded as SKIPPED. Call it with CALL outside a
-- transaction block: it commits after each task so the history shows progress.

CREATE OR REPLACE PROCEDURE <% control_schema %>.run_graph(
    p_root text, p_retry boolean DEFAULT false, INOUT summary text DEFAULT NULL, INOUT outcome text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    v_graph uuid := gen_random_uuid();
    v_lock bigint := hashtext('snowpulse-task-graph:<% control_schema %>.' || p_root);
    v_members text[];
    v_queue text[];
    v_name text;
    v_definition text;
    v_history bigint;
    v_return text;
    v_state text;
    v_code text;
    v_message text;
    v_lines text[] := '{}';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM <% control_schema %>.tasks WHERE task_name = p_root AND predecessor IS NULL) THEN
        RAISE EXCEPTION 'no root task % in <% control_schema %>', p_root USING ERRCODE = '42704';
    END IF;
    IF NOT pg_try_advisory_lock(v_lock) THEN
        INSERT INTO <% control_schema %>.task_history (graph_run_id, task_name, state, scheduled_time, query_start_time,
            completed_time, error_message, query_id)
        VALUES (v_graph, p_root, 'SKIPPED', clock_timestamp(), clock_timestamp(), clock_timestamp(),
            'the graph is already running', v_graph::text);
        summary := p_root || ' skipped: the graph is already running';
        outcome := 'SKIPPED';
        RETURN;
    END IF;

    WITH RECURSIVE graph AS (
        SELECT task_name FROM <% control_schema %>.tasks WHERE task_name = p_root
        UNION ALL SELECT t.task_name FROM <% control_schema %>.tasks t JOIN graph g ON t.predecessor = g.task_name)
    SELECT array_agg(task_name) INTO v_members FROM graph;
    IF p_retry THEN
        v_queue := ARRAY(SELECT task_name FROM <% control_schema %>.task_history
                         WHERE state = 'FAILED' AND task_name = ANY (v_members)
                           AND graph_run_id = (SELECT graph_run_id FROM <% control_schema %>.task_history
                                               WHERE task_name = ANY (v_members) AND state <> 'SKIPPED'
                                               ORDER BY history_id DESC LIMIT 1)
                         ORDER BY history_id);
        IF cardinality(v_queue) = 0 THEN
            PERFORM pg_advisory_unlock(v_lock);
            RAISE EXCEPTION 'the last run of %''s graph did not fail: nothing to retry', p_root USING ERRCODE = '55000';
        END IF;
    ELSE
        v_queue := ARRAY[p_root];
    END IF;

    WHILE cardinality(v_queue) > 0 LOOP
        v_name := v_queue[1];
        v_queue := v_queue[2:];
        SELECT definition INTO v_definition FROM <% control_schema %>.tasks WHERE task_name = v_name;
        INSERT INTO <% control_schema %>.task_history (graph_run_id, task_name, state, scheduled_time, query_start_time, query_id)
        VALUES (v_graph, v_name, 'EXECUTING', clock_timestamp(), clock_timestamp(), v_graph::text)
        RETURNING history_id INTO v_history;
        COMMIT;
        BEGIN
            EXECUTE v_definition INTO v_return;
            v_state := 'SUCCEEDED';
            v_code := NULL;
            v_message := NULL;
        EXCEPTION WHEN OTHERS THEN
            v_state := 'FAILED';
            v_code := SQLSTATE;
            v_message := SQLERRM;
            v_return := NULL;
        END;
        UPDATE <% control_schema %>.task_history SET state = v_state, completed_time = clock_timestamp(),
            error_code = v_code, error_message = v_message, return_value = v_return
        WHERE history_id = v_history;
        COMMIT;
        IF v_state = 'SUCCEEDED' THEN
            v_lines := v_lines || (v_name || ' succeeded');
            v_queue := v_queue || ARRAY(SELECT task_name FROM <% control_schema %>.tasks
                                        WHERE predecessor = v_name AND state = 'started' ORDER BY created_at);
        ELSE
            v_lines := v_lines || (v_name || ' failed: ' || v_message || ' (SQLSTATE ' || v_code || ')');
            outcome := 'FAILED';
        END IF;
    END LOOP;
    PERFORM pg_advisory_unlock(v_lock);
    summary := array_to_string(v_lines, '; ');
    outcome := coalesce(outcome, 'SUCCEEDED');
END;
$$;

-- Claims every started root whose next run has come: moves its next run on and returns it. SKIP LOCKED, so several
-- schedulers on one database (pg_cron, SnowPulse apps, `snowpulse pipeline scheduler`) never claim a due root twice.
CREATE OR REPLACE FUNCTION <% control_schema %>.claim_due()
RETURNS SETOF text LANGUAGE sql AS $$
    UPDATE <% control_schema %>.tasks t SET next_run = now() + t.schedule
    WHERE t.task_name IN (SELECT task_name FROM <% control_schema %>.tasks
                          WHERE predecessor IS NULL AND state = 'started' AND next_run <= now()
                          FOR UPDATE SKIP LOCKED)
    RETURNING t.task_name
$$;

-- Runs every due graph: what pg_cron calls.
CREATE OR REPLACE PROCEDURE <% control_schema %>.run_due(INOUT runs integer DEFAULT 0)
LANGUAGE plpgsql AS $$
DECLARE
    v_roots text[];
    v_root text;
    v_summary text;
    v_outcome text;
BEGIN
    v_roots := ARRAY(SELECT <% control_schema %>.claim_due());
    COMMIT;
    runs := 0;
    FOREACH v_root IN ARRAY v_roots LOOP
        v_summary := NULL;
        v_outcome := NULL;
        CALL <% control_schema %>.run_graph(v_root, false, v_summary, v_outcome);
        runs := runs + 1;
    END LOOP;
END;
$$;

-- Who runs the tasks: pg_cron when this database has it (it checks every minute), else SnowPulse's scheduler.
CREATE OR REPLACE FUNCTION <% control_schema %>.task_runner()
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN 'pg_cron' ELSE 'snowpulse' END
$$;
