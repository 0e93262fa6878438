package dev.snowpulse.workload;

import java.sql.Connection;
import java.sql.SQLException;

/** What one worker does once per order on its session: the demo's place_order, or one pgbench script transaction. */
interface WorkerTransaction {

    /** Prepares its statements on {@code session}: when the worker starts and after each reconnect. */
    void prepare(Connection session) throws SQLException;

    /** One order; an SQLException is its outcome. */
    void run() throws SQLException;

    /** How the run judged the transaction {@link #run()} just ran: for figures kept per transaction type. */
    default void ended(long latencyNanos, boolean ok, boolean warmingUp) {
    }
}
