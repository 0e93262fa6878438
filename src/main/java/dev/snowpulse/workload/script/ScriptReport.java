package dev.snowpulse.workload.script;

import java.util.List;

/**
 * One script's share of a run, as pgbench reports it per script: its weight, transactions (and their share of all),
 * successful ones per second, failures, retries, latency of the successful ones, and with -r each command's average
 * latency and failures.
 */
public record ScriptReport(String name, int weight, double weightShare, long transactions, double transactionShare, double tps,
                           long failed, long retriedTransactions, long retries, double latencyAvgMs, double latencyStddevMs,
                           List<CommandReport> commands) {

    public record CommandReport(String source, double latencyAvgMs, long failures) {
    }
}
