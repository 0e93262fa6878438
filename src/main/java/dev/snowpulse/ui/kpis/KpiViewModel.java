package dev.snowpulse.ui.kpis;

import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.format.ReportTable;
import dev.snowpulse.kpi.KpiQuery;
import dev.snowpulse.kpi.KpiReader;
import dev.snowpulse.kpi.KpiSnapshot;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.LivePolling;
import dev.snowpulse.ui.common.ProfileReader;
import dev.snowpulse.ui.common.Ticker;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The KPIs tab: polls the KPI functions while the tab is shown, at the chosen interval, never two polls at once (a
 * tick that finds a poll still running is skipped). A failed poll keeps the last good values, marked stale, with the
 * error; the next tick tries again, so the dashboard recovers by itself when the database is back. The view draws
 * each snapshot.
 */
public final class KpiViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ShellViewModel shell;
    private final ConnectionService connections;
    private final Background background;

    private final IntegerProperty windowMinutes = new SimpleIntegerProperty(15);
    private final IntegerProperty recentLimit = new SimpleIntegerProperty(10);
    private final ObservableList<String> chosenCategories = FXCollections.observableArrayList();
    private final ObjectProperty<RefreshInterval> interval = new SimpleObjectProperty<>(RefreshInterval.S5);
    private final BooleanProperty paused = new SimpleBooleanProperty();

    private final ObjectProperty<KpiSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final BooleanProperty stale = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty updated = new SimpleStringProperty("Not loaded yet");
    private final StringProperty liveRate = new SimpleStringProperty("–");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty usable = new SimpleBooleanProperty();

    private final LivePolling polling;
    private boolean inFlight;
    private long skippedTicks;
    private final ProfileReader<KpiReader> readers;

    public KpiViewModel(ShellViewModel shell, ConnectionService connections, Background background, Function<Duration, Ticker> tickers) {
        this.shell = shell;
        this.connections = connections;
        this.background = background;
        windowMinutes.addListener((obs, old, now) -> queryChanged());
        recentLimit.addListener((obs, old, now) -> queryChanged());
        chosenCategories.addListener((javafx.collections.ListChangeListener<String>) c -> queryChanged());
        this.readers = new ProfileReader<>(profile -> new KpiReader(connections.postgres(profile), "snowpulse-kpis"));
        this.polling = new LivePolling(tickers, interval, paused, usable::get, this::poll);
        shell.activeProfileProperty().addListener((obs, old, now) -> profileChanged());
    }

    /** The tab is shown: poll now and then at the interval. */
    public void activate() {
        polling.shown();
        profileChanged();
    }

    /** The tab is left: no more polls until it is shown again. */
    public void deactivate() {
        polling.hidden();
    }

    public void refreshNow() {
        poll();
    }

    private void profileChanged() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        boolean postgres = profile != null && profile.connection() instanceof PostgresSettings;
        usable.set(postgres);
        if (!postgres) {
            polling.stop();
            message.set("Connect a Postgres profile (Connections tab) to see its KPIs.");
            return;
        }
        message.set("");
        if (!profile.equals(readers.profile()) && snapshot.get() != null) {
            clear();
        }
        polling.pollNowAndOnward();
    }

    private void queryChanged() {
        if (polling.isShown() && usable.get()) {
            poll();
        }
    }

    /** One poll, unless one is still running: then this tick is skipped. */
    void poll() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (profile == null || !(profile.connection() instanceof PostgresSettings)) {
            return;
        }
        if (inFlight) {
            skippedTicks++;
            return;
        }
        KpiQuery query;
        try {
            query = new KpiQuery(windowMinutes.get(), List.copyOf(chosenCategories), recentLimit.get(), 5);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        inFlight = true;
        Duration timeout = interval.get().statementTimeout();
        background.run("refresh KPIs", () -> read(profile, query, timeout), result -> {
            if (profile.equals(shell.activeProfileProperty().get())) {
                show(result);
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

    /** On the background thread; polls never overlap, so the reader is used by one thread at a time. */
    private KpiSnapshot read(ConnectionProfile profile, KpiQuery query, Duration timeout) throws Exception {
        try {
            return readers.begin(profile).read(query, timeout);
        } finally {
            readers.end();
        }
    }

    /** A refresh arrived: the view draws the snapshot (in steps of its own); its time and rate are known now. */
    private void show(KpiSnapshot s) {
        KpiSnapshot earlier = snapshot.get();
        stale.set(false);
        error.set("");
        if (!categories.equals(s.categories())) {
            categories.setAll(s.categories());
        }
        updated.set("Updated " + CLOCK.format(s.takenAt()) + " · query " + s.queryTime().toMillis() + " ms");
        if (earlier != null && earlier.query().equals(s.query())) {
            liveRate.set(String.format(java.util.Locale.ROOT, "%.1f", s.ordersPerSecondSince(earlier)));
        }
        snapshot.set(s);
    }

    private void failed(Throwable failure) {
        String text = Failures.firstLine(failure);
        KpiSnapshot last = snapshot.get();
        stale.set(last != null);
        RefreshInterval every = interval.get();
        error.set((last == null ? "Could not read the KPIs: " : "Showing values from " + CLOCK.format(last.takenAt())
                + ": the last refresh failed: ") + text
                + (dev.snowpulse.db.ServerMessages.missingObject(failure) ? " (initialise or upgrade the schema in the Schema tab)" : "")
                + (every.period() != null && !paused.get() ? ". Retrying " + every + "." : "."));
    }

    private void clear() {
        // first what the view shows once the snapshot is gone, then the snapshot: the view drops what it drew with it
        liveRate.set("–");
        updated.set("Not loaded yet");
        snapshot.set(null);
        chosenCategories.clear();
    }

    /** Writes one chart's or table's data of the snapshot on screen as CSV. */
    public void exportCsv(Function<KpiSnapshot, ReportTable> part, Path file) {
        KpiSnapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        ReportTable table = part.apply(s);
        background.run("export " + table.title(), () -> {
            ReportFormat.CSV.export(table, file);
            return file;
        }, done -> message.set("Exported " + table.title() + " to " + done),
                failure -> message.set("Could not export to " + file + ": " + failure.getMessage()));
    }

    /** Writes a picture of the dashboard (its pixels copied by the view on the FX thread) as PNG, off the FX thread. */
    public void exportPng(ArgbPicture picture, Path file) {
        background.run("export PNG", () -> {
            if (!javax.imageio.ImageIO.write(picture.toBufferedImage(), "png", file.toFile())) {
                throw new java.io.IOException("no PNG writer in this Java runtime");
            }
            return file;
        }, done -> message.set("Saved a snapshot of the dashboard to " + done),
                failure -> message.set("Could not save the snapshot to " + file + ": " + failure.getMessage()));
    }

    public void shutdown() {
        deactivate();
        readers.shutdown();
    }

    long skippedTicks() {
        return skippedTicks;
    }

    public IntegerProperty windowMinutesProperty() {
        return windowMinutes;
    }

    public IntegerProperty recentLimitProperty() {
        return recentLimit;
    }

    public ObservableList<String> chosenCategories() {
        return chosenCategories;
    }

    public ObjectProperty<RefreshInterval> intervalProperty() {
        return interval;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyObjectProperty<KpiSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated;
    }

    public ReadOnlyStringProperty liveRateProperty() {
        return liveRate;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty usableProperty() {
        return usable;
    }
}
