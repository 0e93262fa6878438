package dev.snowpulse.ui.kpis;

import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.format.ReportTable;
import dev.snowpulse.kpi.KpiReports;
import dev.snowpulse.kpi.KpiSnapshot;
import dev.snowpulse.ui.common.TabContent;
import dev.snowpulse.ui.common.FrameSteps;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** The KPIs tab: controls, the stale banner, the tiles, and the charts and table of the window. */
public final class KpiView implements TabContent {

    private static final int[] PRESETS = {5, 15, 60, 1440};

    private final KpiViewModel model;
    private final KpiTiles tiles = new KpiTiles();
    private final KpiCharts charts = new KpiCharts();
    private final FrameSteps frames;
    private final List<Consumer<KpiSnapshot>> axes = new ArrayList<>();
    // what the status line says once a refresh is all on screen (the tests wait for it too)
    private final StringProperty drawn = new SimpleStringProperty("Not loaded yet");
    private final VBox root;

    public KpiView(KpiViewModel model, FrameSteps frames) {
        this.model = model;
        this.frames = frames;
        Label error = Nodes.errorLine("kpiError", model.errorProperty());

        Label message = new Label();
        message.setId("kpiMessage");
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        GridPane grid = charts();
        VBox.setVgrow(grid, Priority.ALWAYS);
        root = new VBox(8, controls(), error, message, tiles.node(), grid);
        root.setPadding(new Insets(10, 14, 10, 14));
        root.getStyleClass().add("kpis");

        model.snapshotProperty().addListener((obs, old, now) -> {
            if (now == null) {
                frames.apply(List.of()); // what an earlier profile's refresh still had to draw is dropped with it
                charts.clear();
                tiles.unread();
                drawn.set(model.updatedProperty().get());
            } else {
                draw(now);
            }
        });
        model.staleProperty().addListener((obs, old, now) -> {
            tiles.stale(now);
            grid.setOpacity(now ? 0.55 : 1);
        });
    }

    /**
     * A refresh reaches the screen a part at a time (see {@link FrameSteps}): the charts and table, the tiles in three
     * steps (seven tiles at once make the longest frame of a refresh), the axes, then the time it was taken.
     */
    private void draw(KpiSnapshot s) {
        List<Runnable> steps = new ArrayList<>(charts.steps(s));
        for (int from = 0; from < KpiTiles.COUNT; from += 3) {
            int first = from;
            steps.add(() -> tiles.show(s, first, Math.min(first + 3, KpiTiles.COUNT)));
        }
        axes.forEach(axis -> steps.add(() -> axis.accept(s)));
        String status = statusOf(model.updatedProperty().get(), model.liveRateProperty().get());
        steps.add(() -> drawn.set(status));
        frames.apply(steps);
    }

    private static String statusOf(String updated, String liveRate) {
        return updated + (liveRate.equals("–") ? "" : " · " + liveRate + " orders/s now");
    }

    @Override
    public String title() {
        return "KPIs";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
    }

    @Override
    public void deactivate() {
        model.deactivate();
    }

    @Override
    public void shutdown() {
        model.shutdown();
    }

    static String windowLabel(int minutes) {
        if (minutes % 1440 == 0) {
            return minutes / 1440 + " d";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return minutes + " min";
    }

    private Node controls() {
        Label windowLabel = new Label();
        windowLabel.getStyleClass().add("field-label");
        windowLabel.textProperty().bind(model.windowMinutesProperty().map(m -> "Window: last " + windowLabel(m.intValue())));
        windowLabel.setMinWidth(130);
        Slider slider = new Slider(1, 240, 15);
        slider.setId("windowSlider");
        slider.setPrefWidth(150);
        slider.setBlockIncrement(5);
        slider.setValue(model.windowMinutesProperty().get());
        // the slider covers 1 min .. 4 h; the presets reach 24 h. Released, not dragged, to avoid a poll per pixel.
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.windowMinutesProperty().set((int) Math.round(slider.getValue()));
            }
        });
        slider.setOnMouseReleased(e -> model.windowMinutesProperty().set((int) Math.round(slider.getValue())));
        model.windowMinutesProperty().addListener((obs, old, now) -> {
            if (!slider.isValueChanging()) {
                slider.setValue(Math.min(240, now.intValue()));
            }
        });
        HBox presets = new HBox(2);
        for (int minutes : PRESETS) {
            ToggleButton preset = new ToggleButton(windowLabel(minutes).replace(" ", ""));
            preset.setId("window-" + minutes);
            preset.getStyleClass().add("preset");
            preset.setSelected(model.windowMinutesProperty().get() == minutes);
            // a toggle shows whether its window is the one chosen, also when the slider chose it
            model.windowMinutesProperty().addListener((obs, old, now) -> preset.setSelected(now.intValue() == minutes));
            preset.setOnAction(e -> {
                model.windowMinutesProperty().set(minutes);
                preset.setSelected(true);
            });
            presets.getChildren().add(preset);
        }

        CheckComboBox<String> categories = new CheckComboBox<>(model.categories());
        categories.setId("categoryFilter");
        categories.setTitle(CategoryFilterTitle.of(java.util.List.of()));
        categories.setPrefWidth(170);
        // the control says what is filtered: "All categories", the ticked names, or how many
        categories.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            model.chosenCategories().setAll(categories.getCheckModel().getCheckedItems());
            categories.setTitle(CategoryFilterTitle.of(categories.getCheckModel().getCheckedItems()));
        });
        model.categories().addListener((javafx.collections.ListChangeListener<String>) c -> {
            for (String chosen : model.chosenCategories()) {
                categories.getCheckModel().check(chosen);
            }
        });

        Spinner<Integer> limit = new Spinner<>(1, 100, model.recentLimitProperty().get());
        limit.setId("recentLimit");
        limit.setPrefWidth(72);
        limit.setEditable(true);
        limit.valueProperty().addListener((obs, old, now) -> model.recentLimitProperty().set(now));
        Label limitLabel = new Label("Recent");
        limitLabel.getStyleClass().add("field-label");

        ChoiceBox<RefreshInterval> interval = new ChoiceBox<>();
        interval.setId("refreshInterval");
        interval.getItems().setAll(RefreshInterval.values());
        interval.valueProperty().bindBidirectional(model.intervalProperty());
        ToggleButton pause = new ToggleButton();
        pause.setId("pauseButton");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(model.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        Button refresh = new Button("Refresh now");
        refresh.setId("refreshNow");
        refresh.setOnAction(e -> model.refreshNow());
        Button png = new Button("Snapshot PNG…");
        png.setId("snapshotPng");
        png.setOnAction(e -> snapshotPng());
        png.disableProperty().bind(model.snapshotProperty().isNull());

        Label updated = new Label();
        updated.setId("kpiUpdated");
        updated.getStyleClass().add("hint");
        updated.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                        drawn.get() + (model.staleProperty().get() ? " · stale" : ""), drawn, model.staleProperty()));

        HBox first = new HBox(8, windowLabel, slider, presets, sep(), categories, limitLabel, limit, Nodes.spacer(), interval, pause, refresh, png);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, updated);
        second.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, first, second);
    }

    private GridPane charts() {
        CategoryAxis categoryX = new CategoryAxis(charts.salesCategories());
        categoryX.setAutoRanging(false);
        NumberAxis salesY = SteadyAxis.create("revenue");
        BarChart<String, Number> sales = new BarChart<>(categoryX, salesY);
        sales.setId("salesByCategoryChart");
        sales.getData().add(charts.categoryRevenue());
        sales.setLegendVisible(false);
        style(sales);

        NumberAxis stockX = SteadyAxis.create(null);
        CategoryAxis productAxis = new CategoryAxis(charts.products());
        productAxis.setAutoRanging(false);
        BarChart<Number, String> inventory = new BarChart<>(stockX, productAxis);
        inventory.setId("inventoryChart");
        inventory.getData().add(charts.stock());
        LowStockMarks.follow(charts.stock(), charts.lowStock());
        inventory.setLegendVisible(false);
        inventory.getStyleClass().add("inventory-chart");
        inventory.setCategoryGap(2);
        style(inventory);

        NumberAxis minutesX = new NumberAxis();
        minutesX.labelProperty().bind(model.windowMinutesProperty().map(m -> TimeAxisTicks.inHours(m.intValue()) ? "hours ago" : "minutes ago"));
        minutesX.setAutoRanging(false);
        NumberAxis revenueY = SteadyAxis.create("revenue");
        AreaChart<Number, Number> revenue = new AreaChart<>(minutesX, revenueY);
        revenue.setId("revenuePerMinuteChart");
        revenue.getData().add(charts.revenuePerMinute());
        revenue.setLegendVisible(false);
        revenue.setCreateSymbols(false);
        style(revenue);
        NumberAxis minutesX2 = new NumberAxis();
        minutesX2.setAutoRanging(false);
        minutesX2.setTickLabelsVisible(false);
        for (NumberAxis x : new NumberAxis[]{minutesX, minutesX2}) {
            x.lowerBoundProperty().bind(model.windowMinutesProperty().multiply(-1));
            x.setUpperBound(0);
            x.tickUnitProperty().bind(model.windowMinutesProperty().map(m -> minuteStep(m.intValue())));
            // past a few hours the axis counts hours (-24 ... 0), not minutes (-1,440 ... 0); the data stays per minute
            x.tickLabelFormatterProperty().bind(model.windowMinutesProperty().map(m -> TimeAxisTicks.formatter(m.intValue())));
            x.setMinorTickVisible(false);
        }
        NumberAxis ordersY = SteadyAxis.create("orders");
        LineChart<Number, Number> orders = new LineChart<>(minutesX2, ordersY);
        orders.setId("ordersPerMinuteChart");
        orders.getData().add(charts.ordersPerMinute());
        orders.setLegendVisible(false);
        orders.setCreateSymbols(false);
        style(orders);
        orders.getStyleClass().add("orders-per-minute");
        VBox timeline = new VBox(0, orders, revenue);
        VBox.setVgrow(revenue, Priority.ALWAYS);
        orders.setPrefHeight(120);
        orders.setMinHeight(90);

        NumberAxis spend = SteadyAxis.create("revenue");
        CategoryAxis customers = new CategoryAxis(charts.topCustomerOrder());
        customers.setAutoRanging(false);
        BarChart<Number, String> top = new BarChart<>(spend, customers);
        top.setId("topCustomersChart");
        top.getData().add(charts.topCustomers());
        top.setLegendVisible(false);
        style(top);

        TableView<RecentOrderRow> recent = new TableView<>(charts.recentOrders());
        recent.setId("recentOrders");
        recent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label noOrders = new Label();
        noOrders.setId("recentOrdersPlaceholder");
        // an empty table says "no orders" only when the window was read and had none
        noOrders.textProperty().bind(javafx.beans.binding.Bindings.when(model.snapshotProperty().isNull())
                .then(javafx.beans.binding.Bindings.when(model.errorProperty().isEmpty()).then("Not read yet").otherwise("Not read: see the message above"))
                .otherwise("No orders in the window"));
        recent.setPlaceholder(noOrders);
        // rows of one height: the table no longer measures every cell on each refresh, its longest layout under load
        recent.setFixedCellSize(24);
        recent.getColumns().add(column("Time", 62, RecentOrderRow::timeProperty));
        recent.getColumns().add(column("Customer", 105, RecentOrderRow::customerProperty));
        recent.getColumns().add(column("Product", 120, RecentOrderRow::productProperty));
        recent.getColumns().add(column("Qty", 36, RecentOrderRow::quantityProperty));
        recent.getColumns().add(column("Total", 70, RecentOrderRow::totalProperty));

        axes.add(now -> {
            SteadyAxis.fit(salesY, now.salesByCategory().stream().mapToDouble(c -> c.revenue().doubleValue()).max().orElse(0));
            SteadyAxis.fit(stockX, now.inventory().stream().mapToDouble(i -> i.stock()).max().orElse(0));
            SteadyAxis.fit(revenueY, now.perMinute().stream().mapToDouble(m -> m.revenue().doubleValue()).max().orElse(0));
            SteadyAxis.fit(ordersY, now.perMinute().stream().mapToDouble(m -> m.orders()).max().orElse(0));
            SteadyAxis.fit(spend, now.topCustomers().stream().mapToDouble(c -> c.revenue().doubleValue()).max().orElse(0));
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(panel("Revenue and orders per minute", timeline, KpiReports::perMinute, "perMinute"), 0, 0, 2, 1);
        grid.add(panel("Sales by category", sales, KpiReports::salesByCategory, "salesByCategory"), 2, 0);
        grid.add(panel("Inventory (red: " + dev.snowpulse.kpi.StockLevel.LOW + " or fewer left)", inventory, KpiReports::inventory, "inventory"), 0, 1);
        grid.add(panel("Top customers", top, KpiReports::topCustomers, "topCustomers"), 1, 1);
        grid.add(panel("Recent orders", recent, KpiReports::recentOrders, "recentOrders"), 2, 1);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(i == 2 ? 36 : 32);
            grid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            grid.getRowConstraints().add(row);
        }
        return grid;
    }

    private Node panel(String title, Node content, Function<KpiSnapshot, ReportTable> data, String id) {
        Label name = new Label(title);
        name.getStyleClass().add("section-title");
        Button csv = new Button("CSV…");
        csv.setId("csv-" + id);
        csv.getStyleClass().add("small-button");
        csv.disableProperty().bind(model.snapshotProperty().isNull());
        csv.setOnAction(e -> {
            File file = choose("Export " + title.toLowerCase(Locale.ROOT) + " as CSV", id + ".csv", "CSV", "*.csv");
            if (file != null) {
                model.exportCsv(data, file.toPath());
            }
        });
        HBox header = new HBox(8, name, Nodes.spacer(), csv);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(2, header, content);
        box.getStyleClass().add("kpi-panel");
        box.setMinHeight(0);
        return box;
    }

    private void snapshotPng() {
        WritableImage image = root.snapshot(new SnapshotParameters(), null);
        File file = choose("Save a snapshot of the dashboard", "snowpulse-kpis.png", "PNG", "*.png");
        if (file != null) {
            model.exportPng(pixelsOf(image), file.toPath());
        }
    }

    /** Pixels copied on the FX thread (a few milliseconds); encoding the PNG happens off it. */
    public static ArgbPicture pixelsOf(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new ArgbPicture(width, height, argb);
    }

    private File choose(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(window());
    }

    /** About eight ticks across the window: every minute, 5, 15, 30 minutes or hours. */
    private static Number minuteStep(int window) {
        for (int step : new int[]{1, 2, 5, 10, 15, 30, 60, 120, 180, 360}) {
            if (window / step <= 10) {
                return step;
            }
        }
        return 1440;
    }

    private static void style(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        chart.getStyleClass().add("live-chart");
        chart.setMinHeight(0);
        chart.setMinWidth(0);
    }

    private static TableColumn<RecentOrderRow, String> column(String name, double width,
                                                              Function<RecentOrderRow, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<RecentOrderRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        return column;
    }


    private static Region sep() {
        Region gap = new Region();
        gap.setMinWidth(6);
        return gap;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
