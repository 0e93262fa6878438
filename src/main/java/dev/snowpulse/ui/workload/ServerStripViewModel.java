package dev.snowpulse.ui.workload;

import dev.snowpulse.app.CpuGauge;
import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.server.ActivitySnapshot;
import dev.snowpulse.server.BackendSession;
import dev.snowpulse.server.Bottleneck;
import dev.snowpulse.server.ServerRates;
import dev.snowpulse.server.ServerReader;
import dev.snowpulse.server.SessionState;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.LivePolling;
import dev.snowpulse.ui.common.ProfileReader;
import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.ui.common.Ticker;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The server's side of a running workload, beside the client's figures on the Workload tab: the database's
 * transactions a second next to the run's orders a second, the run's active sessions against its workers, their top
 * wait events and the bottleneck line. Reads once a second, only while the tab is shown and a run is going, one
 * round trip on one connection of its own; the bottleneck is judged over the last {@value #JUDGED_READS} reads.
 */
public final class ServerStripViewModel {

    static final int JUDGED_READS = 5;

    private final Background background;
    private final ReadOnlyObjectProperty<WatchedRun> watched;
    private final ReadOnlyObjectProperty<ClientInterval> client;
    private final ProfileReader<ServerReader> readers;
    private final LivePolling polling;
    private final CpuGauge cpu;

    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final StringProperty title = new SimpleStringProperty("Server side");
    private final StringProperty rates = new SimpleStringProperty("–");
    private final StringProperty sessions = new SimpleStringProperty("–");
    private final StringProperty waits = new SimpleStringProperty("–");
    private final StringProperty bottleneck = new SimpleStringProperty("");
    private final ObjectProperty<Bottleneck.Cause> cause = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");

    private final Deque<List<BackendSession>> recent = new ArrayDeque<>();
    private final Deque<Double> recentCpu = new ArrayDeque<>();
    private final Deque<Double> recentMachine = new ArrayDeque<>();
    // clients waiting in the pooler for a server connection, as its console counts them (-1 when it cannot be read)
    private final Deque<Double> recentWaiting = new ArrayDeque<>();
    private ActivitySnapshot previous;
    private boolean inFlight;

    public ServerStripViewModel(ConnectionService connections, Background background, Function<Duration, Ticker> tickers,
                                ReadOnlyObjectProperty<WatchedRun> watched, ReadOnlyObjectProperty<ClientInterval> client, CpuGauge cpu) {
        this.background = background;
        this.cpu = cpu;
        this.watched = watched;
        this.client = client;
        this.readers = new ProfileReader<>(profile -> ServerReader.activityOnly(connections.postgres(profile)));
        this.polling = new LivePolling(tickers, new SimpleObjectProperty<>(RefreshInterval.S1), new SimpleBooleanProperty(),
                () -> watched.get() != null, this::poll);
        watched.addListener((obs, old, now) -> runChanged(old, now));
    }

    /** The Workload tab is shown. */
    public void activate() {
        polling.shown();
        polling.pollNowAndOnward();
    }

    public void deactivate() {
        polling.hidden();
    }

    public void shutdown() {
        polling.hidden();
        readers.shutdown();
    }

    private void runChanged(WatchedRun old, WatchedRun now) {
        if (now == null) {
            polling.stop();
            if (old != null) {
                title.set("Server side, as run " + shortId(old.application()) + " ended");
            }
            return;
        }
        recent.clear();
        recentCpu.clear();
        recentMachine.clear();
        recentWaiting.clear();
        previous = null;
        cpu.percentSinceLast();
        shown.set(true);
        title.set("Server side of run " + shortId(now.application()));
        rates.set("–");
        sessions.set("–");
        waits.set("–");
        bottleneck.set("");
        cause.set(null);
        problem.set("");
        polling.pollNowAndOnward();
    }

    void poll() {
        WatchedRun run = watched.get();
        if (run == null || inFlight) {
            return;
        }
        inFlight = true;
        background.run("read the server beside " + run.application(), () -> {
            try {
                ActivitySnapshot snapshot = readers.begin(run.profile()).read(RefreshInterval.S1.statementTimeout());
                return new Read(snapshot, cpu.percentSinceLast(), onThisMachine(run) ? cpu.machinePercent() : -1);
            } finally {
                readers.end();
            }
        }, read -> {
            if (run.equals(watched.get())) {
                show(run, read);
            }
        }, failure -> {
            if (run.equals(watched.get())) {
                problem.set("Server figures not read: " + Failures.firstLine(failure) + ". Retrying every 1 s.");
            }
        }).onFinished(() -> inFlight = false);
    }

    private record Read(ActivitySnapshot snapshot, double clientCpuPercent, double machinePercent) {
    }

    private static boolean transactionPooled(WatchedRun run) {
        return run.profile().connection() instanceof PostgresSettings pg && pg.transactionPooled();
    }

    /** A loopback host or a Unix socket: the database shares this machine's CPUs with SnowPulse. */
    private static boolean onThisMachine(WatchedRun run) {
        if (!(run.profile().connection() instanceof PostgresSettings pg)) {
            return false;
        }
        String host = pg.host() == null ? "" : pg.host().strip().toLowerCase(Locale.ROOT);
        return host.isEmpty() || host.startsWith("/") || host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private void show(WatchedRun run, Read read) {
        ActivitySnapshot now = read.snapshot();
        problem.set("");
        List<BackendSession> ofRun = now.ofApplication(run.application());
        recent.addLast(ofRun);
        recentCpu.addLast(read.clientCpuPercent());
        recentMachine.addLast(read.machinePercent());
        recentWaiting.addLast(now.pooler().counts() == null ? -1.0 : now.pooler().counts().clientsWaiting());
        while (recent.size() > JUDGED_READS) {
            recent.removeFirst();
            recentCpu.removeFirst();
            recentMachine.removeFirst();
            recentWaiting.removeFirst();
        }
        if (previous != null) {
            ServerRates r = ServerRates.between(previous, now);
            rates.set(String.format(Locale.ROOT, "%s transactions/s on the server · %s %s by this run",
                    r.transactions() == null ? "–" : String.format(Locale.ROOT, "%,.0f", r.transactions()),
                    String.format(Locale.ROOT, "%,.0f", client.get().ordersPerSecond()), run.rateUnit()));
        }
        previous = now;
        long active = ofRun.stream().filter(s -> s.state() == SessionState.ACTIVE || s.state() == SessionState.WAITING_ON_LOCK).count();
        sessions.set(String.format(Locale.ROOT, "%d active of %d sessions · %d workers", active, ofRun.size(), run.workers()));
        String top = topWaits(ofRun);
        waits.set(top.isEmpty() ? "no waits" : top);
        Bottleneck verdict = Bottleneck.judge(List.copyOf(recent), new Bottleneck.ClientCpu(mean(recentCpu), cpu.cores(),
                mean(recentMachine)), new Bottleneck.Route(transactionPooled(run), run.workers(), client.get().ordersInFlight(), mean(recentWaiting)));
        bottleneck.set(verdict.text());
        cause.set(verdict.cause());
    }

    // the mean of what is known; -1 when nothing is
    private static double mean(Deque<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(v -> v >= 0).average().orElse(-1);
    }

    /** "IO: WALSync 3 · Lock: transactionid 1", the run's working sessions' waits, most frequent first. */
    private static String topWaits(List<BackendSession> ofRun) {
        return ActivitySnapshot.topWaits(ofRun, 3).stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    private static String shortId(String application) {
        int dash = application.lastIndexOf('-');
        return dash < 0 ? application : application.substring(dash + 1);
    }

    /** Whether the strip has anything to show: from the first run followed on. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty ratesProperty() {
        return rates;
    }

    public ReadOnlyStringProperty sessionsProperty() {
        return sessions;
    }

    public ReadOnlyStringProperty waitsProperty() {
        return waits;
    }

    public ReadOnlyStringProperty bottleneckProperty() {
        return bottleneck;
    }

    public ReadOnlyObjectProperty<Bottleneck.Cause> causeProperty() {
        return cause;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
