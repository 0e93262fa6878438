package dev.snowpulse.ui.server;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.server.ActivitySnapshot;
import dev.snowpulse.server.BackendSession;
import dev.snowpulse.server.BackendSignal;
import dev.snowpulse.server.BlockingChains;
import dev.snowpulse.server.ServerRates;
import dev.snowpulse.server.ServerReader;
import dev.snowpulse.server.StatementStats;
import dev.snowpulse.server.StatementWindow;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.GuardedActions;
import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.ui.common.LivePolling;
import dev.snowpulse.ui.common.ProfileReader;
import dev.snowpulse.ui.common.Ticker;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Server tab: reads what the active Postgres profile's database is doing, while the tab is shown, at the chosen
 * interval, never two reads at once. A failed read keeps the last values, marked stale, with the error; the next
 * tick tries again, so the tab recovers by itself when the server is back.
 */
public final class ServerViewModel {

    /** Points kept for the charts: two minutes at one a second. */
    public static final int CHART_POINTS = 120;
    static final int STATEMENTS_SHOWN = 50;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ShellViewModel shell;
    private final ConnectionService connections;
    private final Background background;
    private final GuardedActions guard;

    private final ObjectProperty<RefreshInterval> interval = new SimpleObjectProperty<>(RefreshInterval.S1);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final StringProperty applicationFilter = new SimpleStringProperty("");
    private final ObjectProperty<StatementsShown> statementsShown = new SimpleObjectProperty<>(StatementsShown.LAST_MINUTE);

    private final ObjectProperty<ActivitySnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<ServerRates> rates = new SimpleObjectProperty<>();
    private final ObservableList<ServerSample> samples = FXCollections.observableArrayList();
    private final ObservableList<BackendSession> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<List<BlockingChains.Link>> chains = new SimpleObjectProperty<>(List.of());
    private final ObservableList<StatementStats> statements = FXCollections.observableArrayList();
    private final StringProperty statementsNote = new SimpleStringProperty("");
    private final StringProperty hiddenNote = new SimpleStringProperty("");
    private final StringProperty poolerNote = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty updated = new SimpleStringProperty("Not read yet");
    private final BooleanProperty stale = new SimpleBooleanProperty();
    private final BooleanProperty usable = new SimpleBooleanProperty();

    private final StatementWindow window = new StatementWindow(StatementWindow.MINUTE);
    private final LivePolling polling;
    private boolean inFlight;
    private final ProfileReader<ServerReader> readers;
    private Instant firstRead;

    public ServerViewModel(ShellViewModel shell, ConnectionService connections, ProdGuard prodGuard, Background background,
                           Function<Duration, Ticker> tickers) {
        this.shell = shell;
        this.connections = connections;
        this.background = background;
        this.guard = new GuardedActions(shell, prodGuard);
        this.readers = new ProfileReader<>(profile -> new ServerReader(connections.postgres(profile)));
        this.polling = new LivePolling(tickers, interval, paused, usable::get, this::poll);
        applicationFilter.addListener((obs, old, now) -> showSessions());
        statementsShown.addListener((obs, old, now) -> showStatements());
        shell.activeProfileProperty().addListener((obs, old, now) -> profileChanged());
    }

    public void activate() {
        polling.shown();
        profileChanged();
    }

    public void deactivate() {
        polling.hidden();
    }

    public void refreshNow() {
        poll();
    }

    /** Shows only the sessions of the newest workload run started in this window. */
    public void showThisRun() {
        String run = shell.runApplicationProperty().get();
        if (run.isEmpty()) {
            message.set("No workload run started in this window yet: start one in the Workload tab, or type an application name.");
            return;
        }
        message.set("");
        applicationFilter.set(run);
    }

    private void profileChanged() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        boolean postgres = profile != null && profile.connection() instanceof PostgresSettings;
        usable.set(postgres);
        if (!profile(profile)) {
            clear();
        }
        if (!postgres) {
            polling.stop();
            message.set("Connect a Postgres profile (Connections tab) to see what its server is doing.");
            return;
        }
        message.set("");
        polling.pollNowAndOnward();
    }

    private boolean profile(ConnectionProfile profile) {
        return profile != null && profile.equals(readers.profile());
    }

    void poll() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (profile == null || !(profile.connection() instanceof PostgresSettings) || inFlight) {
            return;
        }
        inFlight = true;
        Duration timeout = interval.get().statementTimeout();
        background.run("read the server's activity", () -> {
            ActivitySnapshot read = read(profile, timeout);
            return new Read(read, BlockingChains.of(read.sessions()));
        }, result -> {
            if (profile.equals(shell.activeProfileProperty().get())) {
                show(result.snapshot(), result.chains());
            }
        }, failure -> {
            if (profile.equals(shell.activeProfileProperty().get())) {
                failed(failure);
            }
        }).onFinished(() -> {
            inFlight = false;
            // the profile changed while this read ran: its first read was refused as overlapping, so it runs now
            if (!profile.equals(shell.activeProfileProperty().get())) {
                polling.pollNowAndOnward();
            }
        });
    }

    /** On the background thread; reads never overlap, so the reader is used by one thread at a time. */
    private ActivitySnapshot read(ConnectionProfile profile, Duration timeout) throws Exception {
        try {
            return readers.begin(profile).read(timeout);
        } finally {
            readers.end();
        }
    }

    /** A read with its blocking chains, both made off the FX thread. */
    private record Read(ActivitySnapshot snapshot, List<BlockingChains.Link> chains) {
    }

    private void show(ActivitySnapshot now, List<BlockingChains.Link> blocking) {
        ActivitySnapshot earlier = snapshot.get();
        stale.set(false);
        error.set("");
        if (firstRead == null) {
            firstRead = now.takenAt();
        }
        if (earlier != null) {
            ServerRates r = ServerRates.between(earlier, now);
            rates.set(r);
            samples.add(new ServerSample(Duration.between(firstRead, now.takenAt()).toMillis() / 1000.0, r, now.sessionsByState()));
            if (samples.size() > CHART_POINTS) {
                samples.remove(0, samples.size() - CHART_POINTS);
            }
        }
        if (now.statements().available()) {
            window.add(now.takenAt(), now.statements().statsReset(), now.statements().rows());
        }
        snapshot.set(now);
        chains.set(blocking);
        hiddenNote.set(now.hiddenQueriesNote());
        poolerNote.set(now.pooler().summary());
        showSessions();
        showStatements();
        updated.set("Updated " + CLOCK.format(now.takenAt()) + " · read in " + now.readTime().toMillis() + " ms · "
                + dev.snowpulse.format.Plural.of(now.sessions().size(), "other session") + " in this database, "
                + now.serverSessions() + " of " + now.maxConnections() + " connections on the server · seconds since the tab began reading");
    }

    private void showSessions() {
        ActivitySnapshot s = snapshot.get();
        List<BackendSession> shown = s == null ? List.of() : s.ofApplication(applicationFilter.get());
        sessions.setAll(shown);
    }

    private void showStatements() {
        ActivitySnapshot s = snapshot.get();
        if (s == null) {
            statements.clear();
            statementsNote.set("");
            return;
        }
        if (!s.statements().available()) {
            statements.clear();
            statementsNote.set(s.statements().unavailable());
            return;
        }
        if (statementsShown.get() == StatementsShown.SINCE_RESET) {
            statements.setAll(s.statements().rows().stream().limit(STATEMENTS_SHOWN).toList());
            statementsNote.set(s.statements().statsReset() == null ? "" : "Since the last reset, "
                    + CLOCK.format(s.statements().statsReset()));
        } else {
            statements.setAll(window.deltas(STATEMENTS_SHOWN));
            long seconds = window.covered().toSeconds();
            statementsNote.set(seconds == 0 ? "The last minute's figures appear from the second read on."
                    : String.format(Locale.ROOT, "Over the last %d s", seconds));
        }
    }

    private void failed(Throwable failure) {
        ActivitySnapshot last = snapshot.get();
        stale.set(last != null);
        RefreshInterval every = interval.get();
        error.set((last == null ? "Could not read the server's activity: " : "Showing values from " + CLOCK.format(last.takenAt())
                + ": the last read failed: ") + Failures.firstLine(failure)
                + (every.period() != null && !paused.get() ? ". Retrying " + every + "." : "."));
    }

    private void clear() {
        snapshot.set(null);
        rates.set(null);
        samples.clear();
        sessions.clear();
        chains.set(List.of());
        statements.clear();
        statementsNote.set("");
        hiddenNote.set("");
        poolerNote.set("");
        error.set("");
        stale.set(false);
        window.clear();
        firstRead = null;
        updated.set("Not read yet");
        applicationFilter.set("");
    }

    public boolean needsProdConfirmation() {
        return guard.needsConfirmation();
    }

    public String prodQuestion(String what) {
        return guard.question(what);
    }

    /** What the confirmation shows before a signal: the session and its query. */
    public static String confirmation(BackendSignal signal, BackendSession session) {
        return capitalised(signal.verb()) + " session " + session.pid() + " (" + blankAs(session.application(), "no application name")
                + ", " + blankAs(session.user(), "unknown user") + ")?\n\n" + blankAs(session.query(), "Its query is not visible to this role.");
    }

    /**
     * Cancels the session's query or ends the session, on a connection of its own (a read may be running);
     * {@code typedName} is the prod guard's answer (null when nobody was asked).
     */
    public void signal(BackendSession session, BackendSignal signal, String typedName) {
        ConnectionProfile profile = guard.clear("Connect a Postgres profile first.", () -> session,
                capitalised(signal.verb()) + " session " + session.pid(), typedName, message::set)
                .map(GuardedActions.Cleared::profile).orElse(null);
        if (profile == null) {
            return;
        }
        message.set("");
        background.run(signal.verb() + " session " + session.pid(), () -> {
            PostgresEndpoint endpoint = connections.postgres(profile);
            try (ServerReader own = new ServerReader(endpoint)) {
                return own.signal(session, signal, RefreshInterval.S10.statementTimeout());
            }
        }, done -> {
            message.set(done ? capitalised(signal == BackendSignal.CANCEL ? "asked session " + session.pid() + " to cancel its query"
                    : "asked session " + session.pid() + " to end") + "."
                    : "Session " + session.pid() + " is gone already: nothing to " + (signal == BackendSignal.CANCEL ? "cancel" : "terminate") + ".");
            poll();
        }, failure -> message.set("Could not " + signal.verb() + " session " + session.pid() + ": " + Failures.firstLine(failure)));
    }

    private static String blankAs(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public void shutdown() {
        deactivate();
        readers.shutdown();
    }

    public ObjectProperty<RefreshInterval> intervalProperty() {
        return interval;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public StringProperty applicationFilterProperty() {
        return applicationFilter;
    }

    public ObjectProperty<StatementsShown> statementsShownProperty() {
        return statementsShown;
    }

    public ReadOnlyObjectProperty<ActivitySnapshot> snapshotProperty() {
        return snapshot;
    }

    public ReadOnlyObjectProperty<ServerRates> ratesProperty() {
        return rates;
    }

    public ObservableList<ServerSample> samples() {
        return samples;
    }

    public ObservableList<BackendSession> sessions() {
        return sessions;
    }

    public ReadOnlyObjectProperty<List<BlockingChains.Link>> chainsProperty() {
        return chains;
    }

    public ObservableList<StatementStats> statements() {
        return statements;
    }

    public ReadOnlyStringProperty statementsNoteProperty() {
        return statementsNote;
    }

    public ReadOnlyStringProperty hiddenNoteProperty() {
        return hiddenNote;
    }

    /** Through a pooler: that the sessions are its server connections, and its own counts where they can be read. */
    public ReadOnlyStringProperty poolerNoteProperty() {
        return poolerNote;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated;
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    public ReadOnlyBooleanProperty usableProperty() {
        return usable;
    }
}
