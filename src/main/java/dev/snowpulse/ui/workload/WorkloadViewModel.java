package dev.snowpulse.ui.workload;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.Ticker;
import dev.snowpulse.ui.common.GuardedActions;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.workload.LatencySummary;
import dev.snowpulse.workload.Outcome;
import dev.snowpulse.workload.OutcomeCounts;
import dev.snowpulse.workload.WorkloadResult;
import dev.snowpulse.workload.WorkerPriority;
import dev.snowpulse.workload.WorkloadRun;
import dev.snowpulse.workload.WorkloadSnapshot;
import dev.snowpulse.workload.WorkloadSpec;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Workload tab's run: Start (through the prod guard) and Stop, and what a person watches while it runs. The
 * engine counts every order off the FX thread; this model samples it at the ticker's pace (4 Hz): the counters,
 * elapsed and remaining time and progress on every tick, a chart point of orders/s and p50/p95/p99 every fourth
 * (once a second, like pgbench --progress 1).
 */
public final class WorkloadViewModel {

    static final int TICKS_PER_POINT = 4;

    private static final String ACTION = "Running a workload";

    private final GuardedActions guard;
    private final ShellViewModel shell;
    private final ConnectionService connections;
    private final Background background;
    private final Ticker ticker;
    private final WorkloadForm form;
    private final RunHistoryViewModel history;
    private final LiveRunSeries series = new LiveRunSeries();

    private final Map<Outcome, LongProperty> counters = new EnumMap<>(Outcome.class);
    private final StringProperty message = new SimpleStringProperty("");
    /** What will spoil the run's figures, said as it starts (thin stock, ids beyond the database's). */
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final StringProperty summary = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty thresholdsFailed = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty elapsed = new SimpleStringProperty("0:00");
    private final StringProperty remaining = new SimpleStringProperty("");
    private final StringProperty ordersPerSecond = new SimpleStringProperty("–");
    private final StringProperty latency = new SimpleStringProperty("–");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty scriptedShown = new SimpleBooleanProperty();
    private final BooleanProperty stopping = new SimpleBooleanProperty();
    private final javafx.beans.property.ObjectProperty<WatchedRun> watched = new javafx.beans.property.SimpleObjectProperty<>();
    private final ObjectProperty<ClientInterval> interval = new SimpleObjectProperty<>(ClientInterval.NONE);

    private WorkloadRun run;
    private long ticks;

    public WorkloadViewModel(ShellViewModel shell, ConnectionService connections, ProdGuard prodGuard, Background background,
                             Ticker ticker, WorkloadForm form, RunHistoryViewModel history) {
        this.guard = new GuardedActions(shell, prodGuard);
        this.shell = shell;
        this.connections = connections;
        this.background = background;
        this.ticker = ticker;
        this.form = form;
        this.history = history;
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, new SimpleLongProperty());
        }
        shell.activeProfileProperty().addListener((obs, old, now) -> profileChanged(now));
        // a message about a field the user has since edited is stale
        form.scripts().transactionProperty().addListener((obs, old, now) -> {
            if (run == null) {
                scriptedShown.set(form.scripts().scripted());
            }
        });
        form.onEdit(() -> {
            if (form.invalidFieldProperty().get() != null) {
                form.invalidFieldProperty().set(null);
                message.set("");
            }
        });
    }

    /** A finished run's figures belong to the profile it ran on; a run still going stays, saying where it runs. */
    private void profileChanged(ConnectionProfile now) {
        if (run != null || busy.get()) {
            return;
        }
        clearFigures();
        status.set("Ready");
        message.set("");
        notice.set("");
        // restocking empties orders: never carried over to another profile's database unasked
        form.restockFirstProperty().set(false);
    }

    private void clearFigures() {
        series.clear();
        counters.values().forEach(c -> c.set(0));
        summary.set("");
        progress.set(0);
        elapsed.set("0:00");
        remaining.set("");
        ordersPerSecond.set("–");
        latency.set("–");
    }

    public boolean needsProdConfirmation() {
        return guard.needsConfirmation();
    }

    public String prodQuestion() {
        return guard.question(ACTION);
    }

    /** The form as read: the run, and the units to restock to first (empty: the stock as it is). */
    private record Plan(WorkloadSpec spec, java.util.Optional<dev.snowpulse.schema.Restock> restock,
                        java.util.Optional<WorkloadForm.ScriptRequest> scripts) {
    }

    /** What started, and what the script planner warned of on the way. */
    private record Started(WorkloadRun run, List<String> warnings) {
    }

    /** Starts a run of the form's spec on the active profile; {@code typedName} answers the prod guard (null if not asked). */
    public void start(String typedName) {
        message.set("");
        notice.set("");
        if (busy.get()) {
            return;
        }
        var cleared = guard.clear("Connect a Postgres profile (Connections tab) to run a workload on it.",
                () -> new Plan(form.workloadSpec(), form.restock(), form.scriptRequest()), ACTION, typedName, message::set).orElse(null);
        if (cleared == null) {
            return;
        }
        ConnectionProfile profile = cleared.profile();
        WorkloadSpec spec = cleared.values().spec();
        java.util.Optional<dev.snowpulse.schema.Restock> restock = cleared.values().restock();
        java.util.Optional<WorkloadForm.ScriptRequest> scripts = cleared.values().scripts();
        busy.set(true);
        status.set((restock.isPresent() ? "Restocking, then starting" : scripts.isPresent() ? "Reading the scripts, then starting"
                : "Starting") + " on " + profile.name() + "…");
        background.run("start workload", () -> {
                    var endpoint = connections.postgres(profile);
                    if (restock.isPresent()) {
                        new dev.snowpulse.schema.SchemaService(endpoint).resetDemoData(restock.get());
                    }
                    List<String> warnings = new java.util.ArrayList<>();
                    WorkloadSpec toRun = spec;
                    if (scripts.isPresent()) {
                        WorkloadForm.ScriptRequest r = scripts.get();
                        toRun = spec.withScripts(dev.snowpulse.workload.ScriptRunPlanner.plan(r.choices(), r.definitions(), r.scale(),
                                r.maxTries(), false, endpoint, warnings::add));
                    }
                    return new Started(WorkloadRun.start(endpoint, toRun, WorkerPriority.BELOW_WINDOW), warnings);
                },
                started -> {
                    started(started.run(), profile);
                    if (!started.warnings().isEmpty()) {
                        List<String> lines = new java.util.ArrayList<>();
                        if (!notice.get().isEmpty()) {
                            lines.add(notice.get());
                        }
                        started.warnings().forEach(w -> lines.add(capitalised(w) + "."));
                        notice.set(String.join("\n", lines));
                    }
                },
                failure -> {
                    busy.set(false);
                    status.set("Ready");
                    message.set("Could not start the workload on " + profile.name() + ": " + Failures.firstLine(failure));
                });
    }

    private void started(WorkloadRun started, ConnectionProfile profile) {
        run = started;
        shell.runStarted(started.applicationName());
        ticks = 0;
        clearFigures();
        running.set(true);
        interval.set(ClientInterval.NONE);
        watched.set(new WatchedRun(profile, started.applicationName(), started.spec().workers(),
                started.spec().scripted() ? "tps" : "orders/s"));
        status.set("Running on " + profile.name() + " · sessions " + started.applicationName() + " in pg_stat_activity · "
                + Figures.millis(started.connectTime().toNanos() / 1e6) + " to connect " + dev.snowpulse.format.Plural.of(started.spec().workers(), "worker"));
        notice.set(started.warnings().stream().map(w -> capitalised(w.withAppRemedy()) + ".")
                .collect(java.util.stream.Collectors.joining("\n")));
        scriptedShown.set(started.spec().scripted());
        if (started.spec().scripted()) {
            series.scripts(started.spec().scripts().scripts().stream().map(w -> w.script().name()).map(WorkloadViewModel::shortName).toList());
        }
        ticker.start(this::tick);
        history.refresh();
        background.run("workload " + started.applicationName(), started::await, result -> finished(started, result), failure -> {
            ticker.stop();
            run = null;
            watched.set(null);
            running.set(false);
            stopping.set(false);
            busy.set(false);
            message.set("The workload ended with an error: " + Failures.firstLine(failure));
        });
    }

    /** Reads a script file for the editor, off the FX thread. */
    public void readScript(java.nio.file.Path file, java.util.function.Consumer<String> read, java.util.function.Consumer<String> failed) {
        background.run("read script " + file.getFileName(), () -> java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8),
                read, failure -> failed.accept(Failures.firstLine(failure)));
    }

    /** Writes the editor's script to its file, off the FX thread: whole or not at all (a temporary file moved over it). */
    public void saveScript(java.nio.file.Path file, String text, Runnable saved, java.util.function.Consumer<String> failed) {
        background.run("save script " + file.getFileName(), () -> {
            dev.snowpulse.app.JsonFiles.writeAtomically(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return file;
        }, done -> saved.run(), failure -> failed.accept(Failures.firstLine(failure)));
    }

    /**
     * Whether the figures are named as a script run's (transactions, tps) or place_order's (orders): the run's while
     * one is going, else what the form is set to.
     */
    public ReadOnlyBooleanProperty scriptedShownProperty() {
        return scriptedShown;
    }

    /** Stops taking new orders; those in flight finish and are counted. */
    public void stop() {
        if (run != null && !stopping.get()) {
            run.cancel();
            stopping.set(true);
            status.set("Stopping: orders in flight finish…");
        }
    }

    /** One sample of the engine; the ticker calls it on the FX thread. Reads counters only, never the database. */
    void tick() {
        if (run == null) {
            return;
        }
        showCounts(run.counts());
        Duration took = run.elapsed();
        double done = run.progress();
        elapsed.set(Figures.clock(took));
        progress.set(done);
        remaining.set(remaining(run.spec(), took, done));
        if (++ticks % TICKS_PER_POINT == 0) {
            // draining the interval's latency histogram and its percentiles is real work: off the FX thread
            WorkloadRun sampled = run;
            background.run("sample " + sampled.applicationName(), sampled::sample, snapshot -> {
                if (run == sampled) {
                    point(snapshot);
                }
            }, failure -> message.set("Could not sample the workload: " + Failures.firstLine(failure)));
        }
    }

    private void point(WorkloadSnapshot snapshot) {
        double seconds = snapshot.elapsed().toMillis() / 1000.0;
        LatencySummary l = snapshot.intervalLatency();
        series.add(seconds, snapshot.intervalOrdersPerSecond(), l, snapshot.intervalScriptRates());
        ordersPerSecond.set(Figures.rate(snapshot.intervalOrdersPerSecond()));
        interval.set(new ClientInterval(snapshot.intervalOrdersPerSecond(), l.count() == 0 ? 0 : l.mean()));
        latency.set(percentiles(l));
    }

    private static String percentiles(LatencySummary l) {
        return l.count() == 0 ? "–" : Figures.decimal(l.p50()) + " / " + Figures.decimal(l.p95()) + " / " + Figures.decimal(l.p99());
    }

    private static String remaining(WorkloadSpec spec, Duration took, double done) {
        if (spec.duration() != null) {
            return Figures.clock(spec.duration().minus(took)) + " left";
        }
        if (done <= 0 || took.toMillis() < 500) {
            return "";
        }
        long left = (long) (took.toMillis() * (1 - done) / done);
        return "about " + Figures.clock(Duration.ofMillis(left + 999)) + " left";
    }

    private void finished(WorkloadRun ended, WorkloadResult result) {
        ticker.stop();
        run = null;
        watched.set(null);
        showCounts(result.counts());
        // the whole run's figures replace the last second's
        ordersPerSecond.set(Figures.rate(result.ordersPerSecond()));
        latency.set(percentiles(result.latency()));
        if (result.counts().total() > 0) {
            series.wholeRunIfEmpty(result.elapsed().toMillis() / 1000.0, result.ordersPerSecond(), result.latency());
        }
        elapsed.set(Figures.clock(result.elapsed()));
        remaining.set("");
        progress.set(result.cancelled() || result.failed() ? progressOf(result) : 1);
        running.set(false);
        stopping.set(false);
        busy.set(false);
        // the word the history's Status column shows for the same run
        String verdict = dev.snowpulse.workload.threshold.ThresholdCheck.verdict(result.thresholdChecks());
        status.set(capitalised(result.status()) + (verdict.isEmpty() ? "" : " · thresholds " + verdict)
                + " · run " + result.runId().toString().substring(0, 8));
        thresholdsFailed.set(!dev.snowpulse.workload.threshold.ThresholdCheck.allPassed(result.thresholdChecks()));
        summary.set(summaryOf(result));
        if (result.failed()) {
            message.set("The run failed: " + result.failure());
        } else {
            ended.historyNote().ifPresent(note -> message.set("The run ended, but " + note + "."));
        }
        history.refresh();
    }

    /** Where a run that ended early stood: by orders when it was bounded by a count, else by time. */
    static double progressOf(WorkloadResult r) {
        if (r.spec().plannedOrders() > 0) {
            return Math.min(1.0, r.counts().total() / (double) r.spec().plannedOrders());
        }
        return Math.min(1.0, r.elapsed().toNanos() / (double) r.spec().duration().toNanos());
    }

    /** A script file's name without its folders, as a chart's legend has room for. */
    private static String shortName(String script) {
        return java.nio.file.Path.of(script).getFileName().toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String summaryOf(WorkloadResult r) {
        OutcomeCounts c = r.counts();
        LatencySummary l = r.latency();
        StringBuilder text = new StringBuilder()
                .append(r.failed() ? "Failed after " : r.cancelled() ? "Cancelled after " : "Completed in ")
                .append(String.format(java.util.Locale.ROOT, "%.2f s", r.elapsed().toMillis() / 1000.0))
                .append(": ").append(Figures.count(c.total())).append(r.spec().scripted() ? " transactions, " : " orders, ")
                .append(Figures.count(c.ok())).append(" ok, failures: ").append(Figures.failures(c)).append(". ")
                .append(Figures.rate(r.ordersPerSecond())).append(r.spec().scripted() ? " tps" : " orders/s");
        if (l.count() > 0) {
            text.append(", latency p50 ").append(Figures.millis(l.p50())).append(", p95 ").append(Figures.millis(l.p95()))
                    .append(", p99 ").append(Figures.millis(l.p99())).append(", max ").append(Figures.millis(l.max()));
        }
        if (r.warmUpOrders() > 0) {
            text.append(" (after ").append(Figures.count(r.warmUpOrders())).append(r.spec().scripted() ? " warm-up transactions)" : " warm-up orders)");
        }
        text.append(". Sessions opened in ").append(Figures.millis(r.connectTime().toNanos() / 1e6)).append(" before the clock started.");
        var checks = r.thresholdChecks();
        if (!checks.isEmpty()) {
            text.append(" Thresholds: ").append(String.join(", ", checks.stream()
                    .map(ch -> ch.threshold().text() + (ch.passed() ? " passed" : " FAILED") + " (" + ch.observedText() + ")").toList())).append('.');
        }
        if (c.outOfStock() > c.ok()) {
            text.append(r.spec().scripted() ? " Most transactions found no stock: Reset demo data on the Schema tab (or run "
                    + "place_order with \"Restock first\")." : " Most orders found no stock: tick \"Restock first\" above, or Reset demo data on the Schema tab.");
        }
        return text.toString();
    }

    private void showCounts(OutcomeCounts counts) {
        for (Outcome outcome : Outcome.values()) {
            counters.get(outcome).set(counts.of(outcome));
        }
    }

    /** Stops a run still going when the window closes. */
    public void shutdown() {
        if (run != null) {
            run.cancel();
        }
        ticker.stop();
    }

    public WorkloadForm form() {
        return form;
    }

    public LiveRunSeries series() {
        return series;
    }

    public ReadOnlyLongProperty counterProperty(Outcome outcome) {
        return counters.get(outcome);
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Whether the last run missed one of its thresholds: its summary then reads as a failure. */
    public javafx.beans.value.ObservableBooleanValue thresholdsFailedProperty() {
        return thresholdsFailed;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed;
    }

    public ReadOnlyStringProperty remainingProperty() {
        return remaining;
    }

    public ReadOnlyStringProperty ordersPerSecondProperty() {
        return ordersPerSecond;
    }

    public ReadOnlyStringProperty latencyProperty() {
        return latency;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The run going now, for the server strip; null between runs. */
    public javafx.beans.property.ReadOnlyObjectProperty<WatchedRun> watchedRunProperty() {
        return watched;
    }

    /** The run's orders a second and their mean latency over the last chart interval. */
    public ReadOnlyObjectProperty<ClientInterval> intervalProperty() {
        return interval;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping;
    }
}
