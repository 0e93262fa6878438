package dev.snowpulse.ui.kpis;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.format.ReportTable;
import dev.snowpulse.kpi.KpiQuery;
import dev.snowpulse.kpi.KpiReader;
import dev.snowpulse.kpi.KpiSnapshot;
import dev.snowpulse.kpi.MinuteSales;
import dev.snowpulse.kpi.StockLevel;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.FrameSteps;
import dev.snowpulse.ui.common.Failures;
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
import javafx.scene.chart.XYChart;

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
 * error; the next tick tries again, so the dashboard recovers by itself when the database is back. Chart series are
 * created once and updated in place.
 */
public final class KpiViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ShellViewModel shell;
    private final ConnectionService connections;
    private final Background background;
    private final java.util.function.Function<Duration, Ticker> tickers;

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

    private final XYChart.Series<String, Number> categoryRevenue = new XYChart.Series<>();
    private final XYChart.Series<Number, String> stock = new XYChart.Series<>();
    private final javafx.collections.ObservableSet<String> lowStock = FXCollections.observableSet();
    private final XYChart.Series<Number, Number> revenuePerMinute = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> ordersPerMinute = new XYChart.Series<>();
    private final XYChart.Series<Number, String> topCustomers = new XYChart.Series<>();
    private final ObservableList<String> topCustomerOrder = FXCollections.observableArrayList();
    // category axes with fixed lists: an auto-ranging category axis re-measures every label on every refresh
    private final ObservableList<String> salesCategories = FXCollections.observableArrayList();
    private final ObservableList<String> products = FXCollections.observableArrayList();
    private final ObservableList<RecentOrderRow> recentOrders = FXCollections.observableArrayList();

    private final FrameSteps frames;
    private final List<java.util.function.Consumer<KpiSnapshot>> screenParts = new java.util.ArrayList<>();
    private Ticker ticker;
    private boolean active;
    private boolean inFlight;
    private long skippedTicks;
    private KpiReader reader;
    private ConnectionProfile readerProfile;

    public KpiViewModel(ShellViewModel shell, ConnectionService connections, Background background, Function<Duration, Ticker> tickers,
                        FrameSteps frames) {
        this.shell = shell;
        this.connections = connections;
        this.background = background;
        this.tickers = tickers;
        this.frames = frames;
        categoryRevenue.setName("revenue");
        stock.setName("stock");
        revenuePerMinute.setName("revenue");
        ordersPerMinute.setName("orders");
        topCustomers.setName("revenue");
        windowMinutes.addListener((obs, old, now) -> queryChanged());
        recentLimit.addListener((obs, old, now) -> queryChanged());
        chosenCategories.addListener((javafx.collections.ListChangeListener<String>) c -> queryChanged());
        interval.addListener((obs, old, now) -> reschedule());
        paused.addListener((obs, old, now) -> reschedule());
        shell.activeProfileProperty().addListener((obs, old, now) -> profileChanged());
    }

    /** The tab is shown: poll now and then at the interval. */
    public void activate() {
        active = true;
        profileChanged();
    }

    /** The tab is left: no more polls until it is shown again. */
    public void deactivate() {
        active = false;
        stopTicker();
    }

    public void refreshNow() {
        poll();
    }

    private void profileChanged() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        boolean postgres = profile != null && profile.connection() instanceof PostgresSettings;
        usable.set(postgres);
        if (!postgres) {
            stopTicker();
            message.set("Connect a Postgres profile (Connections tab) to see its KPIs.");
            return;
        }
        message.set("");
        if (!profile.equals(readerProfile) && snapshot.get() != null) {
            clear();
        }
        if (active) {
            poll();
            reschedule();
        }
    }

    private void queryChanged() {
        if (active && usable.get()) {
            poll();
        }
    }

    private void reschedule() {
        stopTicker();
        if (!active || !usable.get() || paused.get() || interval.get().period() == null) {
            return;
        }
        ticker = tickers.apply(interval.get().period());
        ticker.start(this::poll);
    }

    private void stopTicker() {
        if (ticker != null) {
            ticker.stop();
            ticker = null;
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
            inFlight = false;
            if (profile.equals(shell.activeProfileProperty().get())) {
                show(result);
            }
        }, failure -> {
            inFlight = false;
            if (profile.equals(shell.activeProfileProperty().get())) {
                failed(failure);
            }
        });
    }

    /** On the background thread; polls never overlap, so the reader is used by one thread at a time. */
    private KpiSnapshot read(ConnectionProfile profile, KpiQuery query, Duration timeout) throws Exception {
        if (reader == null || !profile.equals(readerProfile)) {
            if (reader != null) {
                reader.close();
            }
            reader = new KpiReader(connections.postgres(profile), "snowpulse-kpis");
            readerProfile = profile;
        }
        return reader.read(query, timeout);
    }

    /**
     * Something of the view's own that shows a refresh (tiles, axes): it gets a step of its own in each refresh, after
     * the charts and before "Updated".
     */
    public void addScreenPart(java.util.function.Consumer<KpiSnapshot> part) {
        screenParts.add(part);
    }

    /**
     * A refresh reaches the screen a part at a time (see {@link FrameSteps}): sales, stock, revenue and orders a minute,
     * customers, orders, the view's parts, then the time it was taken.
     */
    private void show(KpiSnapshot s) {
        KpiSnapshot earlier = snapshot.get();
        List<Runnable> steps = new java.util.ArrayList<>(List.of(
                () -> showSales(s),
                () -> showStock(s),
                () -> showMinutes(s, revenuePerMinute, m -> m.revenue().doubleValue()),
                () -> showMinutes(s, ordersPerMinute, m -> (double) m.orders()),
                () -> {
                    // the axis lists the customers in this order (the best at the top), so the bars follow the ranking
                    setIfChanged(topCustomerOrder, s.topCustomers().reversed().stream().map(c -> c.name()).toList());
                    SeriesUpdater.byCategoryHorizontal(topCustomers, s.topCustomers().reversed(), c -> c.name(), c -> c.revenue().doubleValue());
                },
                () -> showRecentOrders(s.recentOrders())));
        screenParts.forEach(part -> steps.add(() -> part.accept(s)));
        steps.add(() -> {
                    // last: "Updated" says the whole refresh is on screen (the tests wait for it too)
                    updated.set("Updated " + CLOCK.format(s.takenAt()) + " · query " + s.queryTime().toMillis() + " ms");
                    if (earlier != null && earlier.query().equals(s.query())) {
                        liveRate.set(String.format(java.util.Locale.ROOT, "%.1f", s.ordersPerSecondSince(earlier)));
                    }
                    snapshot.set(s);
                });
        frames.apply(steps);
    }

    private void showSales(KpiSnapshot s) {
        stale.set(false);
        error.set("");
        if (!categories.equals(s.categories())) {
            categories.setAll(s.categories());
        }
        // every category in the filter (or in the database) keeps its bar, at zero when it sold nothing
        List<String> shown = s.query().categories().isEmpty() ? s.categories()
                : s.categories().stream().filter(s.query().categories()::contains).toList();
        setIfChanged(salesCategories, shown);
        Map<String, Double> revenueByCategory = new java.util.HashMap<>();
        s.salesByCategory().forEach(c -> revenueByCategory.put(c.category(), c.revenue().doubleValue()));
        SeriesUpdater.byCategory(categoryRevenue, shown, c -> c, c -> revenueByCategory.getOrDefault(c, 0.0));
    }

    private void showStock(KpiSnapshot s) {
        List<StockLevel> bottomUp = s.inventory().reversed();
        setIfChanged(products, bottomUp.stream().map(StockLevel::productName).toList());
        SeriesUpdater.byCategoryHorizontal(stock, bottomUp, StockLevel::productName, StockLevel::stock);
        java.util.Set<String> low = s.inventory().stream().filter(StockLevel::low).map(StockLevel::productName).collect(java.util.stream.Collectors.toSet());
        lowStock.retainAll(low);
        lowStock.addAll(low);
    }

    private static void showMinutes(KpiSnapshot s, XYChart.Series<Number, Number> series, java.util.function.ToDoubleFunction<MinuteSales> value) {
        int n = s.perMinute().size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i - (n - 1);
            ys[i] = value.applyAsDouble(s.perMinute().get(i));
        }
        SeriesUpdater.numeric(series, xs, ys);
    }

    private static void setIfChanged(ObservableList<String> list, List<String> wanted) {
        if (!list.equals(wanted)) {
            list.setAll(wanted);
        }
    }

    private void showRecentOrders(List<dev.snowpulse.kpi.RecentOrder> orders) {
        if (recentOrders.size() > orders.size()) {
            recentOrders.remove(orders.size(), recentOrders.size());
        }
        while (recentOrders.size() < orders.size()) {
            recentOrders.add(new RecentOrderRow());
        }
        for (int i = 0; i < orders.size(); i++) {
            recentOrders.get(i).show(orders.get(i));
        }
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
        frames.apply(List.of()); // what an earlier profile's refresh still had to draw is dropped with it
        snapshot.set(null);
        categoryRevenue.getData().clear();
        stock.getData().clear();
        lowStock.clear();
        revenuePerMinute.getData().clear();
        ordersPerMinute.getData().clear();
        topCustomers.getData().clear();
        topCustomerOrder.clear();
        salesCategories.clear();
        products.clear();
        recentOrders.clear();
        chosenCategories.clear();
        liveRate.set("–");
        updated.set("Not loaded yet");
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

    /** Writes a picture of the dashboard (taken by the view on the FX thread) as PNG, off the FX thread. */
    public void exportPng(java.awt.image.BufferedImage picture, Path file) {
        background.run("export PNG", () -> {
            if (!javax.imageio.ImageIO.write(picture, "png", file.toFile())) {
                throw new java.io.IOException("no PNG writer in this Java runtime");
            }
            return file;
        }, done -> message.set("Saved a snapshot of the dashboard to " + done),
                failure -> message.set("Could not save the snapshot to " + file + ": " + failure.getMessage()));
    }

    public void shutdown() {
        deactivate();
        KpiReader r = reader;
        reader = null;
        if (r != null && !inFlight) {
            r.close();
        }
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

    public XYChart.Series<String, Number> categoryRevenue() {
        return categoryRevenue;
    }

    public XYChart.Series<Number, String> stock() {
        return stock;
    }

    /** Products at or below {@link StockLevel#LOW}: their bars are drawn in the warning colour. */
    public javafx.collections.ObservableSet<String> lowStock() {
        return lowStock;
    }

    public XYChart.Series<Number, Number> revenuePerMinute() {
        return revenuePerMinute;
    }

    public XYChart.Series<Number, Number> ordersPerMinute() {
        return ordersPerMinute;
    }

    public XYChart.Series<Number, String> topCustomers() {
        return topCustomers;
    }

    public ObservableList<String> salesCategories() {
        return salesCategories;
    }

    public ObservableList<String> products() {
        return products;
    }

    public ObservableList<String> topCustomerOrder() {
        return topCustomerOrder;
    }

    public ObservableList<RecentOrderRow> recentOrders() {
        return recentOrders;
    }
}
