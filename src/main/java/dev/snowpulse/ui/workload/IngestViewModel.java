package dev.snowpulse.ui.workload;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.Ticker;
import dev.snowpulse.ui.common.GuardedActions;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.workload.ContinuousIngest;
import dev.snowpulse.workload.IngestBatch;
import dev.snowpulse.workload.IngestSpec;
import dev.snowpulse.workload.OutcomeCounts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Continuous ingest from the Workload tab, like the seed's continuous_ingest: a batch every interval until Stop.
 * Batches arrive on the ingest's thread and wait in a queue; the ticker moves them to the list (newest first, the
 * last {@link #KEPT} kept) so a fast interval cannot flood the FX thread.
 */
public final class IngestViewModel {

    static final int KEPT = 200;

    private static final String ACTION = "Continuous ingest";

    private final GuardedActions guard;
    private final ConnectionService connections;
    private final Background background;
    private final Ticker ticker;
    private final WorkloadForm form;
    private final Queue<IngestBatch> arrived = new ConcurrentLinkedQueue<>();
    private final ObservableList<IngestBatch> batches = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Not running");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();

    private ContinuousIngest ingest;
    private String plan;
    private long batchCount;
    private long skipped;
    private long ok;
    private long failures;
    private long outOfStock;

    public IngestViewModel(ShellViewModel shell, ConnectionService connections, ProdGuard prodGuard, Background background,
                           Ticker ticker, WorkloadForm form) {
        this.guard = new GuardedActions(shell, prodGuard);
        this.connections = connections;
        this.background = background;
        this.ticker = ticker;
        this.form = form;
    }

    public boolean needsProdConfirmation() {
        return guard.needsConfirmation();
    }

    public String prodQuestion() {
        return guard.question(ACTION);
    }

    public void start(String typedName) {
        message.set("");
        if (busy.get()) {
            return;
        }
        var cleared = guard.clear("Connect a Postgres profile (Connections tab) to ingest into it.", form::ingestSpec, ACTION,
                typedName, message::set).orElse(null);
        if (cleared == null) {
            return;
        }
        ConnectionProfile profile = cleared.profile();
        IngestSpec spec = cleared.values();
        busy.set(true);
        // Cleared before the start: the first batch can arrive before the start is reported back here.
        arrived.clear();
        background.run("start ingest", () -> ContinuousIngest.start(connections.postgres(profile), spec, arrived::add), started -> {
            ingest = started;
            plan = describe(spec, profile.name());
            batchCount = skipped = ok = failures = outOfStock = 0;
            batches.clear();
            running.set(true);
            status.set("Started: " + plan);
            ticker.start(this::tick);
            background.run("ingest " + started.applicationName(), started::await, this::stopped, failure -> {
                message.set("The ingest ended with an error: " + Failures.firstLine(failure));
                stopped(null);
            });
        }, failure -> {
            busy.set(false);
            message.set("Could not start the ingest on " + profile.name() + ": " + Failures.firstLine(failure));
        });
    }

    private static String describe(IngestSpec spec, String target) {
        return String.format(java.util.Locale.ROOT, "%d orders every %s into %s", spec.batchSize(),
                dev.snowpulse.format.Durations.format(spec.interval()), target);
    }

    public void stop() {
        if (ingest != null) {
            ingest.cancel();
            status.set("Stopping after the batch in progress…");
        }
    }

    /** Moves the batches that arrived since the last tick onto the list. */
    void tick() {
        List<IngestBatch> fresh = new ArrayList<>();
        for (IngestBatch b; (b = arrived.poll()) != null; ) {
            fresh.add(0, b);
            batchCount++;
            if (b.skipped()) {
                skipped++;
            }
            ok += b.counts().ok();
            failures += b.counts().failures();
            outOfStock += b.counts().outOfStock();
        }
        if (fresh.isEmpty()) {
            return;
        }
        batches.addAll(0, fresh);
        if (batches.size() > KEPT) {
            batches.remove(KEPT, batches.size());
        }
        if (ingest != null) {
            status.set(totals() + " · " + plan);
        }
    }

    private String totals() {
        return Figures.count(batchCount) + " batches, " + Figures.count(ok) + " ok, " + Figures.count(failures) + " failed"
                + (outOfStock > 0 ? " (" + Figures.count(outOfStock) + " out of stock)" : "")
                + (skipped > 0 ? ", " + Figures.count(skipped) + " skipped (database unreachable)" : "");
    }

    private void stopped(OutcomeCounts totals) {
        tick();
        ticker.stop();
        ingest = null;
        running.set(false);
        busy.set(false);
        status.set("Stopped: " + totals());
    }

    public void shutdown() {
        if (ingest != null) {
            ingest.cancel();
        }
        ticker.stop();
    }

    /** A batch in one line for the list. */
    public static String line(IngestBatch b) {
        String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault()).format(b.startedAt());
        if (b.skipped()) {
            return "#" + b.number() + "  " + at + "  " + outcome(b);
        }
        OutcomeCounts c = b.counts();
        return "#" + b.number() + "  " + at + "  " + c.ok() + " ok" + (c.failures() > 0 ? ", " + outcome(b) : "")
                + "  (" + b.took().toMillis() + " ms)";
    }

    /** Why a batch was skipped or what failed in it; empty when every order went through. */
    public static String outcome(IngestBatch b) {
        if (b.skipped()) {
            return "skipped: " + b.skippedBecause();
        }
        return b.counts().failures() > 0 ? "failures: " + Figures.failures(b.counts()) : "";
    }

    public ObservableList<IngestBatch> batches() {
        return batches;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}
