package dev.snowpulse.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snowpulse.app.JsonFiles;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.format.Durations;
import dev.snowpulse.format.Plural;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.workload.LatencySummary;
import dev.snowpulse.workload.NothingSucceeded;
import dev.snowpulse.workload.Outcome;
import dev.snowpulse.workload.OutcomeCounts;
import dev.snowpulse.workload.PgbenchTables;
import dev.snowpulse.workload.WorkloadHistory;
import dev.snowpulse.workload.WorkloadResult;
import dev.snowpulse.workload.WorkloadRun;
import dev.snowpulse.workload.WorkloadSnapshot;
import dev.snowpulse.workload.WorkloadSpec;
import dev.snowpulse.workload.script.BuiltinScripts;
import dev.snowpulse.workload.script.ScriptError;
import dev.snowpulse.workload.script.ScriptChoice;
import dev.snowpulse.workload.ScriptRunPlanner;
import dev.snowpulse.workload.LatencyLimitCounts;
import dev.snowpulse.workload.script.ScriptPlan;
import dev.snowpulse.workload.script.ScriptReport;
import dev.snowpulse.workload.script.ScriptSources;
import dev.snowpulse.workload.script.Value;
import dev.snowpulse.workload.script.WeightedScript;
import dev.snowpulse.workload.threshold.Threshold;
import dev.snowpulse.workload.threshold.ThresholdCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "workload", mixinStandardHelpOptions = true, subcommands = {WorkloadHistoryCommand.class, WorkloadCompareCommand.class, WorkloadInitPgbenchCommand.class},
        description = {"Drive place_order with concurrent workers, like the seed's run_workload, or run pgbench scripts.",
                "Scripts as pgbench's -b tpcb-like and -f file.sql@3: each worker is one pgbench client on a session of its own.",
                "As fast as the database allows, or at --rate orders/s. Every session opens before the clock starts",
                "(initial connection time, as pgbench). Prints a progress line per --progress interval and a summary;",
                "Ctrl+C stops taking new orders and still prints the summary. Exit 1 when no order succeeded."})
final class WorkloadCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--workers", defaultValue = "4", description = "Concurrent workers, 1..256 (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--orders-per-worker", description = "Orders each worker places (default: " + WorkloadSpec.SEED_ORDERS_PER_WORKER + " unless --duration is given)")
    Integer ordersPerWorker;

    @Option(names = "--duration", description = "Run for this long instead, e.g. 30s, 5m")
    String duration;

    @picocli.CommandLine.Mixin
    OrderChoiceOptions orders = new OrderChoiceOptions();

    @Option(names = "--rate", description = "Target orders per second for the whole run (open loop); default: as fast as possible")
    Double rate;

    @Option(names = "--warm-up", description = "Leave the first part out of latency and throughput, e.g. 5s")
    String warmUp;

    @Option(names = "--progress", description = "Print a progress line every N seconds")
    Integer progress;

    @Option(names = "--json", description = "Print the summary as JSON")
    boolean json;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm a run on a prod profile")
    String confirm;

    @Option(names = {"-b", "--builtin"}, paramLabel = "NAME[@W]", description = "A built-in script, as pgbench's -b: tpcb-like, "
            + "simple-update, select-only, or place-order; repeat for a mix, @W its weight")
    List<String> builtins = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE[@W]", description = "A pgbench script file (\\set, \\sleep, :variables); repeat for a mix")
    List<String> files = new ArrayList<>();

    @Option(names = {"-D", "--define"}, paramLabel = "NAME=VALUE", description = "A variable every client's scripts start with")
    Map<String, String> defines = new LinkedHashMap<>();

    @Option(names = {"-s", "--scale"}, description = "What :scale stands for (default: pgbench_branches counted, as pgbench; else 1)")
    Long scale;

    @Option(names = "--threshold", paramLabel = "COND", description = "Pass/fail condition judged after warm-up, as k6: "
            + "p95<20ms, errors<1%%, rate>=500 (avg, p50, p95, p99, max, errors, rate); repeat for more; exit 3 when one fails")
    List<String> thresholds = new ArrayList<>();

    @Option(names = {"-r", "--report-per-command"}, description = "With scripts: each command's average latency and failures, "
            + "per script, as pgbench's -r")
    boolean reportPerCommand;

    @Option(names = {"-L", "--latency-limit"}, paramLabel = "MS", description = "As pgbench's: count transactions that take longer "
            + "than MS milliseconds (from when they were due) as late; with --rate, skip those already that late when their turn comes")
    Double latencyLimit;

    @Option(names = "--max-tries", defaultValue = "1", description = "Tries for a serialization failure or deadlock, as pgbench 15 (default: ${DEFAULT-VALUE})")
    int maxTries;

    WorkloadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        WorkloadSpec workload = new WorkloadSpec(workers,
                duration == null && ordersPerWorker == null ? Integer.valueOf(WorkloadSpec.SEED_ORDERS_PER_WORKER) : ordersPerWorker,
                duration == null ? null : Durations.parse(duration, "--duration"),
                orders.maxCustomers, orders.maxProducts, orders.minQuantity, orders.maxQuantity, rate,
                warmUp == null ? Duration.ZERO : Durations.parse(warmUp, "--warm-up"));
        if (latencyLimit != null) {
            if (!(latencyLimit > 0 && latencyLimit <= 3_600_000)) {
                throw new IllegalArgumentException("--latency-limit: " + latencyLimit + " ms is outside (0, 3600000]");
            }
            workload = workload.withLatencyLimit(Duration.ofNanos(Math.round(latencyLimit * 1e6)));
        }
        if (!thresholds.isEmpty()) {
            List<Threshold> parsed = new ArrayList<>();
            for (String t : thresholds) {
                parsed.add(Threshold.parse(t));
            }
            workload = workload.withThresholds(parsed);
        }
        if (progress != null && progress < 1) {
            throw new IllegalArgumentException("--progress: must be 1 or more seconds");
        }
        ConnectionProfile profile = CliProfiles.chosen(context, spec, null);
        PostgresEndpoint endpoint = CliProfiles.postgres(context, profile);
        CliProfiles.guard(context, profile, "Running a workload", confirm);
        if (!builtins.isEmpty() || !files.isEmpty()) {
            workload = workload.withScripts(scripts(endpoint));
        } else if (!defines.isEmpty() || scale != null || reportPerCommand || maxTries != 1) {
            throw new IllegalArgumentException("-D, -s, -r and --max-tries are for scripts: add -b NAME or -f FILE (place_order takes "
                    + "--max-customers, --max-products and the quantities)");
        }

        WorkloadRun run;
        try {
            run = WorkloadRun.start(endpoint, workload);
        } catch (SQLException e) {
            throw CliProfiles.databaseFailure("starting the workload", e);
        }
        PrintWriter out = context.out();
        run.warnings().forEach(w -> context.err().println("snowpulse: warning: " + w.withCliRemedy()));
        context.err().flush();
        if (!json) {
            out.printf(Locale.ROOT, "workload on '%s' (%s): %s, %s, %s%s; sessions: %s%n",
                    profile.name(), endpoint.describe(), Plural.of(workload.workers(), "worker"),
                    workload.ordersPerWorker() != null ? workload.ordersPerWorker() + (workload.scripted() ? " transactions" : " orders") + " each" : "for " + duration,
                    workload.scripted() ? "scripts " + workload.scripts().label() + ", scale " + workload.scripts().scale()
                            : "customers 1.." + workload.maxCustomers() + ", products 1.." + workload.maxProducts(),
                    workload.openLoop() ? String.format(Locale.ROOT, ", %.0f %s", workload.targetRate(), rateUnit(workload)) : "",
                    run.applicationName());
            // the summary gives it again as pgbench's "initial connection time"; this line says the clock starts
            out.printf(Locale.ROOT, "%s open in %.1f ms; the clock starts now%n", Plural.of(workload.workers(), "session"),
                    run.connectTime().toNanos() / 1e6);
            out.flush();
        }
        try (CtrlC ignored = CtrlC.cancels(run::cancel)) {
            if (progress != null) {
                long every = TimeUnit.SECONDS.toNanos(progress);
                long next = System.nanoTime() + every;
                while (!run.isFinished()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
                        continue;
                    }
                    next += every;
                    printProgress(run.sample(), rateUnit(workload), out);
                }
            }
            WorkloadResult result = run.await();
            if (json) {
                ObjectNode node = json(result);
                if (workload.scripted()) {
                    node.put("retried", run.retried());
                    // the mapper's snake_case: weight_share, latency_avg_ms, commands[].source ...
                    node.set("scripts", JsonFiles.reportMapper().valueToTree(run.scriptReport(result.elapsed())));
                }
                if (workload.latencyLimit() != null) {
                    LatencyLimitCounts limit = run.latencyLimitCounts();
                    node.put("latency_limit_ms", latencyLimit).put("late", limit.late()).put("skipped", limit.skipped());
                }
                if (!workload.thresholds().isEmpty()) {
                    node.set("thresholds", WorkloadHistory.json(result.thresholdChecks()));
                    node.put("thresholds_passed", ThresholdCheck.allPassed(result.thresholdChecks()));
                }
                out.println(JsonFiles.mapper().writeValueAsString(node));
            } else {
                printSummary(result, rateUnit(workload), out);
                if (workload.latencyLimit() != null) {
                    printLatencyLimit(result, run.latencyLimitCounts(), latencyLimit, workload.openLoop(), out);
                }
                if (workload.scripted()) {
                    long retriedTransactions = run.scriptReport(result.elapsed()).stream().mapToLong(ScriptReport::retriedTransactions).sum();
                    out.printf(Locale.ROOT, "retried: %d transactions, %d retries (serialization failures and deadlocks tried again, "
                            + "--max-tries %d)%n", retriedTransactions, run.retried(), maxTries);
                    if (reportPerCommand || workload.scripts().scripts().size() > 1) {
                        printScripts(run.scriptReport(result.elapsed()), out);
                    }
                }
                List<ThresholdCheck> checks = result.thresholdChecks();
                if (!checks.isEmpty()) {
                    out.println("thresholds" + (workload.warmUp().isZero() ? "" : " (after warm-up)") + ": "
                            + (ThresholdCheck.allPassed(checks) ? "all passed" : "FAILED"));
                    checks.forEach(c -> out.println("  " + c.line()));
                }
            }
            out.flush();
            run.historyNote().ifPresent(n -> context.err().println("snowpulse: warning: run " + result.runId().toString().substring(0, 8) + ": " + n));
            NothingSucceeded.poolerHint(result.counts()).ifPresent(h -> context.err().println("snowpulse: hint: " + h));
            if (result.failed()) {
                throw new CliFailure("the run failed: " + result.failure());
            }
            if (result.counts().ok() == 0 && result.counts().total() > 0) {
                throw new CliFailure((workload.scripted() ? "no transaction succeeded: " : "no order succeeded: ")
                        + NothingSucceeded.reason(result.counts()));
            }
            return ThresholdCheck.allPassed(result.thresholdChecks()) ? Cli.OK : Cli.THRESHOLD_FAILED;
        }
    }

    private ScriptPlan scripts(PostgresEndpoint endpoint) throws IOException {
        if (maxTries < 1 || maxTries > 1000) {
            throw new IllegalArgumentException("--max-tries: " + maxTries + " is outside 1..1000");
        }
        Map<String, Value> definitions = new HashMap<>();
        definitions.put("max_customers", Value.of((long) orders.maxCustomers));
        definitions.put("max_products", Value.of((long) orders.maxProducts));
        definitions.put("min_quantity", Value.of((long) orders.minQuantity));
        definitions.put("max_quantity", Value.of((long) orders.maxQuantity));
        defines.forEach((name, value) -> {
            try {
                definitions.put(name, Value.parse(value));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("-D " + name + "=" + value + ": " + e.getMessage());
            }
        });
        List<ScriptChoice> choices = new ArrayList<>();
        // in command-line order, -b and -f interleaved, as pgbench numbers its scripts
        java.util.Iterator<String> nextBuiltin = builtins.iterator();
        java.util.Iterator<String> nextFile = files.iterator();
        for (picocli.CommandLine.Model.ArgSpec arg : spec.commandLine().getParseResult().matchedArgs()) {
            if (arg instanceof picocli.CommandLine.Model.OptionSpec option && option.longestName().equals("--builtin")) {
                choices.add(ScriptChoice.parse(ScriptChoice.Kind.BUILTIN, nextBuiltin.next(), "--builtin"));
            } else if (arg instanceof picocli.CommandLine.Model.OptionSpec option && option.longestName().equals("--file")) {
                choices.add(ScriptChoice.parse(ScriptChoice.Kind.FILE, nextFile.next(), "--file"));
            }
        }
        try {
            return ScriptRunPlanner.plan(choices, definitions, scale, maxTries, reportPerCommand, endpoint,
                    warning -> context.err().println("snowpulse: warning: " + warning));
        } catch (ScriptError | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (IllegalStateException e) {
            throw new CliFailure(e.getMessage());
        } catch (SQLException e) {
            throw CliProfiles.databaseFailure("reading the scale from pgbench_branches", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("--") ? e.getMessage() : "--builtin/--file: " + e.getMessage(), e);
        }
    }

    /** pgbench's two lines: skipped of all scheduled (with --rate), late of those that succeeded. */
    private static void printLatencyLimit(WorkloadResult r, LatencyLimitCounts limit, double ms, boolean paced, PrintWriter out) {
        long processed = r.figures().ok();
        long failed = r.figures().failed();
        if (paced) {
            long scheduled = processed + failed + limit.skipped();
            out.printf(Locale.ROOT, "number of transactions skipped: %d (%.3f%%)%n", limit.skipped(),
                    scheduled == 0 ? 0.0 : 100.0 * limit.skipped() / scheduled);
        }
        out.printf(Locale.ROOT, "number of transactions above the %.1f ms latency limit: %d/%d (%.3f%%)%n", ms, limit.late(), processed,
                processed == 0 ? 0.0 : 100.0 * limit.late() / processed);
    }

    /** Per script, as pgbench prints it after a mix or with -r. */
    private static void printScripts(List<ScriptReport> reports, PrintWriter out) {
        for (int i = 0; i < reports.size(); i++) {
            ScriptReport r = reports.get(i);
            out.printf(Locale.ROOT, "SQL script %d: %s%n", i + 1, r.name());
            out.printf(Locale.ROOT, " - weight: %d (targets %.1f%% of total)%n", r.weight(), 100 * r.weightShare());
            out.printf(Locale.ROOT, " - %d transactions (%.1f%% of total, tps = %.1f)%n", r.transactions(), 100 * r.transactionShare(), r.tps());
            out.printf(Locale.ROOT, " - failed: %d (%.3f%%), retried: %d transactions, %d retries%n", r.failed(),
                    r.transactions() == 0 ? 0 : 100.0 * r.failed() / r.transactions(), r.retriedTransactions(), r.retries());
            out.printf(Locale.ROOT, " - latency average = %.3f ms, stddev = %.3f ms%n", r.latencyAvgMs(), r.latencyStddevMs());
            if (!r.commands().isEmpty()) {
                out.println(" - statement latencies in milliseconds and failures:");
                for (ScriptReport.CommandReport c : r.commands()) {
                    out.printf(Locale.ROOT, "  %12.3f  %10d  %s%n", c.latencyAvgMs(), c.failures(), c.source());
                }
            }
        }
    }

    /** pgbench's word for a scripted run's rate, the demo's for place_order. */
    private static String rateUnit(WorkloadSpec workload) {
        return workload.scripted() ? "tps" : "orders/s";
    }

    private static void printProgress(WorkloadSnapshot s, String unit, PrintWriter out) {
        LatencySummary l = s.intervalLatency();
        out.printf(Locale.ROOT, "progress: %.1f s, %.1f " + unit + ", lat avg %.3f ms p95 %.3f ms, failures %d%n",
                s.elapsed().toMillis() / 1000.0, s.intervalOrdersPerSecond(), l.mean(), l.p95(), s.counts().failures());
        out.flush();
    }

    private static void printSummary(WorkloadResult r, String unit, PrintWriter out) {
        OutcomeCounts c = r.counts();
        LatencySummary l = r.latency();
        out.printf(Locale.ROOT, "%s after %.2f s%n", r.failed() ? "failed" : r.cancelled() ? "cancelled" : "done", r.elapsed().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "successes: %d%n", c.ok());
        out.printf(Locale.ROOT, "failures: %d", c.failures());
        if (c.failures() > 0) {
            StringBuilder causes = new StringBuilder();
            for (Outcome o : Outcome.values()) {
                if (o != Outcome.OK && c.of(o) > 0) {
                    causes.append(causes.isEmpty() ? "" : ", ").append(o.label()).append(' ').append(c.of(o));
                }
            }
            c.otherBySqlState().forEach((state, n) -> causes.append(" [").append(state).append(": ").append(n).append(']'));
            out.print(" (" + causes + ")");
        }
        out.println();
        if (r.warmUpOrders() > 0) {
            out.printf(Locale.ROOT, "warm-up orders (not in the figures below): %d%n", r.warmUpOrders());
        }
        out.printf(Locale.ROOT, unit + ": %.1f (without initial connection time)%n", r.ordersPerSecond());
        out.printf(Locale.ROOT, "initial connection time: %.3f ms%n", r.connectTime().toNanos() / 1e6);
        if (l.count() == 0) {
            // nothing succeeded, so nothing was timed: not 0 ms (the history keeps no latency either)
            out.println("latency ms: none measured (nothing succeeded)");
        } else {
            out.printf(Locale.ROOT, "latency ms: avg %.3f  p50 %.3f  p95 %.3f  p99 %.3f  max %.3f%n", l.mean(), l.p50(), l.p95(), l.p99(), l.max());
        }
        out.println("run id: " + r.runId());
    }

    private static ObjectNode json(WorkloadResult r) {
        ObjectNode node = JsonFiles.mapper().createObjectNode()
                .put("run_id", r.runId().toString())
                .put("status", r.status())
                .put("failure", r.failure())
                .put("started_at", r.startedAt().toString())
                .put("elapsed_seconds", r.elapsed().toMillis() / 1000.0)
                .put("connect_ms", r.connectTime().toNanos() / 1e6)
                .put("orders_per_second", r.ordersPerSecond())
                .put("warm_up_orders", r.warmUpOrders());
        ObjectNode outcomes = node.putObject("outcomes");
        for (Outcome o : Outcome.values()) {
            outcomes.put(o.name().toLowerCase(Locale.ROOT), r.counts().of(o));
        }
        ObjectNode other = node.putObject("other_by_sqlstate");
        r.counts().otherBySqlState().forEach(other::put);
        LatencySummary l = r.latency();
        node.putObject("latency_ms").put("avg", l.mean()).put("p50", l.p50()).put("p95", l.p95()).put("p99", l.p99()).put("max", l.max());
        return node;
    }
}
