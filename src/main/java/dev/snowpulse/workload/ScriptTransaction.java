package dev.snowpulse.workload;

import dev.snowpulse.workload.script.ScriptClient;

import java.sql.Connection;
import java.sql.SQLException;

/** One transaction of a pgbench script mix, run by the worker's script client. */
final class ScriptTransaction implements WorkerTransaction {

    private final ScriptClient client;

    ScriptTransaction(ScriptClient client) {
        this.client = client;
    }

    @Override
    public void prepare(Connection session) throws SQLException {
        client.connect(session);
    }

    @Override
    public void run() throws SQLException {
        client.runTransaction();
    }

    @Override
    public void ended(long latencyNanos, boolean ok, boolean warmingUp) {
        client.ended(latencyNanos, ok, warmingUp);
    }
}
