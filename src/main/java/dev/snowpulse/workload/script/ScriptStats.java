package dev.snowpulse.workload.script;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a scripted run did per script and, with pgbench's {@code -r}, per command: transactions, failures, retries and
 * latencies, added up from every client without a lock. Only transactions after the warm-up count, as in the run's
 * other figures; a retried transaction's commands count once per try.
 */
public final class ScriptStats {

    private final ScriptPlan plan;
    private final boolean perCommand;
    private final PerScript[] scripts;

    private static final class PerScript {
        final LongAdder transactions = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder retriedTransactions = new LongAdder();
        final LongAdder retries = new LongAdder();
        final DoubleAdder latencyMs = new DoubleAdder();
        final DoubleAdder latencySquaresMs = new DoubleAdder();
        final LongAdder[] commandNanos;
        final LongAdder[] commandRuns;
        final LongAdder[] commandFailures;

        PerScript(int commands) {
            commandNanos = adders(commands);
            commandRuns = adders(commands);
            commandFailures = adders(commands);
        }

        private static LongAdder[] adders(int n) {
            LongAdder[] a = new LongAdder[n];
            for (int i = 0; i < n; i++) {
                a[i] = new LongAdder();
            }
            return a;
        }
    }

    public ScriptStats(ScriptPlan plan, boolean perCommand) {
        this.plan = plan;
        this.perCommand = perCommand;
        this.scripts = new PerScript[plan.scripts().size()];
        for (int i = 0; i < scripts.length; i++) {
            scripts[i] = new PerScript(plan.scripts().get(i).script().commands().size());
        }
    }

    /** Whether commands are timed one by one (pgbench's -r): a clock read before and after each. */
    public boolean perCommand() {
        return perCommand;
    }

    /** Each script's successful transactions so far (after warm-up), in the plan's order. */
    public long[] succeeded() {
        long[] ok = new long[scripts.length];
        for (int i = 0; i < scripts.length; i++) {
            ok[i] = scripts[i].transactions.sum() - scripts[i].failed.sum();
        }
        return ok;
    }

    /** Retries of every script so far, after the warm-up: the run's "retried". */
    public long retries() {
        long n = 0;
        for (PerScript s : scripts) {
            n += s.retries.sum();
        }
        return n;
    }

    /**
     * One client's transaction ended: which script, its latency, whether it succeeded, how many times it was tried
     * again, and (with -r) what each command took and which one failed ({@code failedCommand} -1 for none).
     */
    void transaction(Transaction t, long latencyNanos, boolean ok, boolean warmingUp) {
        if (warmingUp) {
            return;
        }
        PerScript s = scripts[t.script];
        s.retries.add(t.retries);
        s.transactions.increment();
        if (t.retries > 0) {
            s.retriedTransactions.increment();
        }
        if (ok) {
            double ms = latencyNanos / 1e6;
            s.latencyMs.add(ms);
            s.latencySquaresMs.add(ms * ms);
        } else {
            s.failed.increment();
        }
        if (perCommand) {
            for (int c = 0; c < t.commandNanos.length; c++) {
                if (t.commandRuns[c] > 0) {
                    s.commandNanos[c].add(t.commandNanos[c]);
                    s.commandRuns[c].add(t.commandRuns[c]);
                }
            }
            if (!ok && t.failedCommand >= 0) {
                s.commandFailures[t.failedCommand].increment();
            }
        }
    }

    /** One client's transaction under way: its script and, with -r, its commands' times across its tries. */
    static final class Transaction {
        int script;
        int retries;
        int failedCommand = -1;
        long[] commandNanos = new long[0];
        long[] commandRuns = new long[0];

        void start(int script, int commands) {
            this.script = script;
            this.retries = 0;
            this.failedCommand = -1;
            if (commandNanos.length < commands) {
                commandNanos = new long[commands];
                commandRuns = new long[commands];
            } else {
                java.util.Arrays.fill(commandNanos, 0);
                java.util.Arrays.fill(commandRuns, 0);
            }
        }
    }

    /** The report per script, as pgbench prints it after a run of {@code seconds} (after warm-up). */
    public List<ScriptReport> report(double seconds) {
        long all = 0;
        for (PerScript s : scripts) {
            all += s.transactions.sum();
        }
        List<ScriptReport> reports = new ArrayList<>();
        for (int i = 0; i < scripts.length; i++) {
            PerScript s = scripts[i];
            WeightedScript w = plan.scripts().get(i);
            long n = s.transactions.sum();
            long ok = n - s.failed.sum();
            double mean = ok == 0 ? 0 : s.latencyMs.sum() / ok;
            double variance = ok == 0 ? 0 : Math.max(0, s.latencySquaresMs.sum() / ok - mean * mean);
            List<ScriptReport.CommandReport> commands = new ArrayList<>();
            if (perCommand) {
                List<Command> list = w.script().commands();
                for (int c = 0; c < list.size(); c++) {
                    long runs = s.commandRuns[c].sum();
                    commands.add(new ScriptReport.CommandReport(list.get(c).source(), runs == 0 ? 0 : s.commandNanos[c].sum() / 1e6 / runs,
                            s.commandFailures[c].sum()));
                }
            }
            reports.add(new ScriptReport(w.script().name(), w.weight(), (double) w.weight() / plan.totalWeight(), n,
                    all == 0 ? 0 : (double) n / all, seconds <= 0 ? 0 : ok / seconds, s.failed.sum(), s.retriedTransactions.sum(),
                    s.retries.sum(), mean, Math.sqrt(variance), commands));
        }
        return reports;
    }
}
