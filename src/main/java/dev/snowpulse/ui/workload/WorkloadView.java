package dev.snowpulse.ui.workload;

import dev.snowpulse.ui.common.LineCharts;
import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.ui.common.TabContent;
import dev.snowpulse.ui.common.Dialogs;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.workload.IngestBatch;
import dev.snowpulse.workload.Outcome;
import dev.snowpulse.workload.WorkloadRunRecord;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import dev.snowpulse.server.Bottleneck;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Workload tab: the run's form and the continuous ingest on the left; on the right the live figures, charts of
 * orders/s and latency percentiles, the result summary and the history of runs with export.
 */
public final class WorkloadView implements TabContent {

    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final WorkloadViewModel model;
    private final ServerStripViewModel strip;
    private final IngestViewModel ingest;
    private final RunHistoryViewModel history;
    private final ShellViewModel shell;
    private final WorkloadForm form;
    private final HBox root;
    private final Map<WorkloadForm.Field, TextField> fields = new EnumMap<>(WorkloadForm.Field.class);
    private final ChangeListener<Object> profileListener;
    private LineChart<Number, Number> throughputChart;
    private LineChart<Number, Number> latencyChart;

    public WorkloadView(WorkloadViewModel model, IngestViewModel ingest, RunHistoryViewModel history, ServerStripViewModel strip,
                        ShellViewModel shell) {
        this.model = model;
        this.strip = strip;
        this.ingest = ingest;
        this.history = history;
        this.shell = shell;
        this.form = model.form();
        this.profileListener = (obs, old, now) -> history.refresh();

        VBox left = new VBox(12, runForm(), ingestPanel());
        left.setPadding(new Insets(12, 12, 12, 16));
        left.setPrefWidth(340);
        left.setMinWidth(340);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        leftScroll.getStyleClass().add("editor-scroll");
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.setMinWidth(356);

        VBox right = new VBox(10, figures(), progressRow(), serverStrip(), charts(), summary(), resultTabs());
        right.setPadding(new Insets(12, 16, 12, 4));
        right.setMinWidth(0);
        HBox.setHgrow(right, Priority.ALWAYS);

        root = new HBox(leftScroll, right);
        root.getStyleClass().add("workload");
        form.invalidFieldProperty().addListener((obs, old, now) -> markInvalid(now));
    }

    @Override
    public String title() {
        return "Workload";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        attachCharts();
        strip.activate();
        shell.activeProfileProperty().addListener(profileListener);
        history.refresh();
    }

    @Override
    public void deactivate() {
        detachCharts();
        strip.deactivate();
        shell.activeProfileProperty().removeListener(profileListener);
    }

    @Override
    public void shutdown() {
        model.shutdown();
        ingest.shutdown();
        strip.shutdown();
    }

    private static final double LABEL_WIDTH = 128;

    private Node runForm() {
        Label title = new Label("Workload");
        title.getStyleClass().add("editor-title");
        ScriptMix mix = form.scripts();
        javafx.beans.binding.BooleanBinding scripted = mix.transactionProperty().isEqualTo(ScriptMix.Transaction.SCRIPTS);
        Label what = new Label();
        what.textProperty().bind(javafx.beans.binding.Bindings.when(scripted)
                .then("pgbench scripts, as pgbench -b / -f runs them").otherwise("place_order, as the seed's run_workload"));
        what.getStyleClass().add("hint");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);

        // what each transaction is, then (for scripts) the mix, in a grid of its own so the hidden rows leave no gaps
        ChoiceBox<ScriptMix.Transaction> transaction = new ChoiceBox<>();
        transaction.setId("workloadTransaction");
        transaction.getItems().setAll(ScriptMix.Transaction.values());
        transaction.valueProperty().bindBidirectional(mix.transactionProperty());
        transaction.setTooltip(new javafx.scene.control.Tooltip("What each transaction of the run is: the demo's place_order, "
                + "or pgbench scripts (built-in or your files)"));
        // beside the title, so the column still fits 800 pixels without scrolling
        title.setMinWidth(Region.USE_PREF_SIZE);
        transaction.setMinWidth(120);
        HBox titleRow = new HBox(8, title, Nodes.spacer(), transaction);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        GridPane scriptGrid = grid();
        scriptGrid.add(new ScriptMixPane(mix, model, this::window).node(), 0, 0, 2, 1);
        scriptGrid.addRow(1, label("Scale"), field(WorkloadForm.Field.SCALE, mix.scaleProperty(), "pgbench's rule"));
        scriptGrid.addRow(2, label("Max tries"), field(WorkloadForm.Field.MAX_TRIES, mix.maxTriesProperty(), "1: no retry"));
        showWhen(scripted, scriptGrid);

        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, label("Workers"), field(WorkloadForm.Field.WORKERS, form.workersProperty(), "1..256"));
        ChoiceBox<WorkloadForm.StopAfter> stopAfter = new ChoiceBox<>();
        stopAfter.setId("stopAfter");
        stopAfter.getItems().setAll(WorkloadForm.StopAfter.values());
        stopAfter.valueProperty().bindBidirectional(form.stopAfterProperty());
        stopAfter.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, label("Stop after"), stopAfter);
        TextField orders = field(WorkloadForm.Field.ORDERS_PER_WORKER, form.ordersPerWorkerProperty(), "e.g. 250");
        TextField duration = field(WorkloadForm.Field.DURATION, form.durationProperty(), "e.g. 30s, 5m");
        Label limitLabel = label("");
        limitLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> form.stopAfterProperty().get() != WorkloadForm.StopAfter.ORDERS ? "Duration"
                        : scripted.get() ? "Transactions each" : "Orders per worker", form.stopAfterProperty(), scripted));
        showWhen(form.stopAfterProperty().isEqualTo(WorkloadForm.StopAfter.ORDERS), orders);
        showWhen(form.stopAfterProperty().isEqualTo(WorkloadForm.StopAfter.DURATION), duration);
        grid.addRow(row, limitLabel, new javafx.scene.layout.StackPane(orders, duration));
        // place_order's own inputs; a script uses them only as :max_customers ... (the CLI's definitions)
        Label customersLabel = label("Customers 1 to");
        TextField customers = field(WorkloadForm.Field.MAX_CUSTOMERS, form.maxCustomersProperty(), "10");
        Label productsLabel = label("Products 1 to");
        TextField products = field(WorkloadForm.Field.MAX_PRODUCTS, form.maxProductsProperty(), "10");
        GridPane demoGrid = grid();
        int demoRow = 0;
        demoGrid.addRow(demoRow++, customersLabel, customers);
        demoGrid.addRow(demoRow++, productsLabel, products);
        TextField minQuantity = field(WorkloadForm.Field.MIN_QUANTITY, form.minQuantityProperty(), "1");
        TextField maxQuantity = field(WorkloadForm.Field.MAX_QUANTITY, form.maxQuantityProperty(), "1");
        Label to = label("to");
        to.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(minQuantity, Priority.ALWAYS);
        HBox.setHgrow(maxQuantity, Priority.ALWAYS);
        minQuantity.setPrefColumnCount(3);
        maxQuantity.setPrefColumnCount(3);
        HBox quantity = new HBox(8, minQuantity, to, maxQuantity);
        quantity.setAlignment(Pos.CENTER_LEFT);
        demoGrid.addRow(demoRow, label("Quantity"), quantity);
        showWhen(scripted.not(), demoGrid);
        GridPane paceGrid = grid();
        int paceRow = 0;
        Label rateLabel = label("");
        rateLabel.textProperty().bind(javafx.beans.binding.Bindings.when(scripted).then("tps target").otherwise("Orders/s target"));
        paceGrid.addRow(paceRow++, rateLabel, field(WorkloadForm.Field.RATE, form.rateProperty(), "as fast as possible"));
        paceGrid.addRow(paceRow++, label("Warm-up"), field(WorkloadForm.Field.WARM_UP, form.warmUpProperty(), "e.g. 5s, not in the figures"));
        paceGrid.addRow(paceRow, label("Thresholds"), field(WorkloadForm.Field.THRESHOLDS, form.thresholdsProperty(), "p95<20ms, errors<1%"));
        GridPane restockGrid = grid();
        int restockLine = 0;
        CheckBox restock = new CheckBox("Restock first, to");
        restock.setId("restockFirst");
        restock.selectedProperty().bindBidirectional(form.restockFirstProperty());
        restock.setMinWidth(Region.USE_PREF_SIZE);
        TextField units = field(WorkloadForm.Field.RESTOCK_UNITS, form.restockUnitsProperty(), "units per product");
        units.disableProperty().bind(restock.selectedProperty().not());
        HBox.setHgrow(units, Priority.ALWAYS);
        Label perProduct = label("units");
        perProduct.setMinWidth(Region.USE_PREF_SIZE);
        HBox restockRow = new HBox(8, restock, units, perProduct);
        restockRow.setAlignment(Pos.CENTER_LEFT);
        restockGrid.add(restockRow, 0, restockLine++, 2, 1);
        Label restockNote = new Label("empties orders and payments first, as Reset demo data does");
        restockNote.getStyleClass().add("hint");
        restockNote.setWrapText(true);
        restockNote.setMinHeight(Region.USE_PREF_SIZE);
        showWhen(restock.selectedProperty(), restockNote);
        restockGrid.add(restockNote, 0, restockLine, 2, 1);
        // a restock refills the demo's products, which only place_order sells
        showWhen(scripted.not(), restockGrid);
        // stacked grids, spaced as the rows of one, so that what a transaction does not use leaves no gap
        VBox rows = new VBox(7, grid, demoGrid, paceGrid, restockGrid);

        Button start = new Button("Start");
        start.setId("startWorkload");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.busyProperty());
        start.setOnAction(e -> {
            if (model.needsProdConfirmation()) {
                Dialogs.confirmProd(window(), model.prodQuestion(), shell.activeProfileProperty().get().name()).ifPresent(model::start);
            } else {
                model.start(null);
            }
        });
        Button stop = new Button("Stop");
        stop.setId("stopWorkload");
        stop.disableProperty().bind(model.runningProperty().not().or(model.stoppingProperty()));
        stop.setOnAction(e -> model.stop());
        Button defaults = new Button("Seed defaults");
        defaults.setOnAction(e -> form.seedDefaults());
        defaults.disableProperty().bind(model.busyProperty());
        HBox buttons = new HBox(8, start, stop, Nodes.spacer(), defaults);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(10, titleRow, what, scriptGrid, rows, buttons, Nodes.errorLine("workloadMessage", model.messageProperty()),
                Nodes.warningLine("workloadNotice", model.noticeProperty()));
        box.getStyleClass().add("form-section");
        return box;
    }

    private Node ingestPanel() {
        Label title = new Label("Continuous ingest");
        title.getStyleClass().add("section-title");
        Label what = new Label("A batch every interval until stopped, as the seed's continuous_ingest.");
        what.getStyleClass().add("hint");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        GridPane grid = grid();
        grid.addRow(0, label("Every"), field(WorkloadForm.Field.INGEST_INTERVAL, form.ingestIntervalProperty(), "e.g. 20s"));
        grid.addRow(1, label("Batch size"), field(WorkloadForm.Field.INGEST_BATCH_SIZE, form.ingestBatchSizeProperty(), "orders per batch"));

        Button start = new Button("Start ingest");
        start.setId("startIngest");
        start.disableProperty().bind(ingest.busyProperty());
        start.setOnAction(e -> {
            if (ingest.needsProdConfirmation()) {
                Dialogs.confirmProd(window(), ingest.prodQuestion(), shell.activeProfileProperty().get().name()).ifPresent(ingest::start);
            } else {
                ingest.start(null);
            }
        });
        Button stop = new Button("Stop ingest");
        stop.setId("stopIngest");
        stop.disableProperty().bind(ingest.runningProperty().not());
        stop.setOnAction(e -> ingest.stop());
        HBox buttons = new HBox(8, start, stop);

        Label status = new Label();
        status.setId("ingestStatus");
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(ingest.statusProperty());

        VBox box = new VBox(8, title, what, grid, buttons, Nodes.errorLine("ingestMessage", ingest.messageProperty()), status);
        box.getStyleClass().add("form-section");
        return box;
    }

    /** The ingest's batches, newest first, beside the runs: the form column stays short enough for its messages. */
    private Node batchesTable() {
        TableView<IngestBatch> batches = new TableView<>(ingest.batches());
        batches.setId("ingestBatches");
        batches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        batches.setPlaceholder(new Label("Batches show here as they run."));
        batches.getColumns().add(batchColumn("#", 40, b -> Long.toString(b.number())));
        batches.getColumns().add(batchColumn("At", 70, b -> BATCH_TIME.format(b.startedAt())));
        batches.getColumns().add(batchColumn("OK", 45, b -> b.skipped() ? "" : Figures.count(b.counts().ok())));
        batches.getColumns().add(batchColumn("Failed", 55, b -> b.skipped() ? "skipped" : Figures.count(b.counts().failures())));
        batches.getColumns().add(batchColumn("Took", 60, b -> b.took().toMillis() + " ms"));
        batches.getColumns().add(batchColumn("Outcome", 400, IngestViewModel::outcome));
        batches.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(IngestBatch batch, boolean empty) {
                super.updateItem(batch, empty);
                setTooltip(empty || batch == null ? null : new javafx.scene.control.Tooltip(IngestViewModel.line(batch)));
            }
        });
        batches.setMinHeight(120);
        return batches;
    }

    private Node figures() {
        HBox row = new HBox(8);
        row.getChildren().add(figure(words("tps", "Orders/s"), "figureRate", model.ordersPerSecondProperty(), "figure-main"));
        row.getChildren().add(figure("Latency ms p50 / p95 / p99", "figureLatency", model.latencyProperty(), "figure-main"));
        for (Outcome outcome : Outcome.values()) {
            ObservableValue<String> text = model.counterProperty(outcome).asString(Locale.ROOT, "%,d");
            String style = outcome == Outcome.OK ? "figure-ok" : "figure-failure";
            String caption = outcome == Outcome.OK ? "OK" : capitalised(outcome.label().replaceFirst(":.*", ""));
            Node figure = figure(caption, "count-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'), text, style);
            if (outcome == Outcome.OUT_OF_STOCK || outcome == Outcome.INVALID_INPUT) {
                // place_order's own outcomes: a script run shows them only when one ended so (the place-order built-in)
                showWhen(model.scriptedShownProperty().not().or(model.counterProperty(outcome).greaterThan(0)), figure);
            }
            if (outcome != Outcome.OK) {
                model.counterProperty(outcome).addListener((obs, old, now) ->
                        figure.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("nonzero"), now.longValue() > 0));
            }
            row.getChildren().add(figure);
        }
        return row;
    }

    /** A script run's word, or place_order's, as the shown run (or the form, before one) runs scripts or not. */
    private ObservableValue<String> words(String scripted, String orders) {
        return javafx.beans.binding.Bindings.when(model.scriptedShownProperty()).then(scripted).otherwise(orders);
    }

    private static Node figure(String caption, String id, ObservableValue<String> value, String style) {
        return figure(new javafx.beans.property.SimpleStringProperty(caption), id, value, style);
    }

    private static Node figure(ObservableValue<String> caption, String id, ObservableValue<String> value, String style) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("figure-value");
        number.textProperty().bind(value);
        Label name = new Label();
        name.textProperty().bind(caption);
        name.getStyleClass().add("figure-caption");
        VBox box = new VBox(2, number, name);
        box.getStyleClass().addAll("figure", style);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("workloadProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label elapsed = new Label();
        elapsed.setId("workloadElapsed");
        elapsed.getStyleClass().add("mono");
        elapsed.textProperty().bind(Bindings.concat(model.elapsedProperty(), " elapsed"));
        Label remaining = new Label();
        remaining.setId("workloadRemaining");
        remaining.getStyleClass().add("hint");
        remaining.textProperty().bind(model.remainingProperty());
        Label status = new Label();
        status.setId("workloadStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(model.statusProperty());
        HBox top = new HBox(12, elapsed, bar, remaining);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, top, status);
    }

    /** The server's side of the run, in four short lines under the progress bar; shown from the first run on. */
    private Node serverStrip() {
        Label title = new Label();
        title.getStyleClass().add("server-strip-title");
        title.textProperty().bind(strip.titleProperty());
        Label rates = stripLine("stripRates", strip.ratesProperty());
        Label sessions = stripLine("stripSessions", strip.sessionsProperty());
        Label waits = stripLine("stripWaits", strip.waitsProperty());
        Label bottleneck = stripLine("stripBottleneck", strip.bottleneckProperty());
        bottleneck.getStyleClass().add("server-strip-verdict");
        strip.causeProperty().addListener((obs, old, now) -> {
            for (Bottleneck.Cause cause : Bottleneck.Cause.values()) {
                bottleneck.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(cause.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                        cause == now);
            }
        });
        // wrapped lines keep their height: the VBox would otherwise squeeze them back to one line and an ellipsis
        bottleneck.setWrapText(true);
        bottleneck.setMinHeight(Region.USE_PREF_SIZE);
        Label problem = stripLine("stripProblem", strip.problemProperty());
        problem.getStyleClass().add("server-strip-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        showWhen(strip.problemProperty().isNotEmpty(), problem);
        // wraps rather than widening the tab: the strip never pushes the figures out of the window
        javafx.scene.layout.FlowPane numbers = new javafx.scene.layout.FlowPane(18, 2, rates, sessions, waits);
        VBox box = new VBox(3, title, numbers, bottleneck, problem);
        box.setMinWidth(0);
        numbers.prefWrapLengthProperty().bind(box.widthProperty().subtract(24));
        box.setId("serverStrip");
        box.getStyleClass().add("server-strip");
        showWhen(strip.shownProperty(), box);
        return box;
    }

    private static Label stripLine(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    private Node charts() {
        LineChart<Number, Number> throughput = chart("Orders per second", "orders/s", "throughputChart");
        throughput.titleProperty().bind(words("Transactions per second", "Orders per second"));
        throughput.getYAxis().labelProperty().bind(words("tps", "orders/s"));
        // a mix's scripts each have a line, named in the legend; a single script or place_order needs none
        throughput.legendVisibleProperty().bind(javafx.beans.binding.Bindings.size(model.series().rates()).greaterThan(1));
        throughput.setLegendSide(javafx.geometry.Side.RIGHT);
        LineChart<Number, Number> latency = chart("Latency of successful orders", "ms", "latencyChart");
        latency.titleProperty().bind(words("Latency of successful transactions", "Latency of successful orders"));
        latency.setLegendSide(javafx.geometry.Side.RIGHT);
        throughputChart = throughput;
        latencyChart = latency;
        attachCharts();
        HBox row = new HBox(8, throughput, latency);
        HBox.setHgrow(throughput, Priority.ALWAYS);
        HBox.setHgrow(latency, Priority.ALWAYS);
        row.setPrefHeight(250);
        row.setMinHeight(200);
        return row;
    }

    /**
     * Puts the run's series on the charts and lets the time axes follow the run. While the tab is hidden the charts
     * are let go of: a run keeps adding a point a second, and hidden charts would still be laid out and styled for
     * each (the KPIs tab shown beside a running workload is the case that matters).
     */
    private void attachCharts() {
        if (throughputChart.getData().isEmpty()) {
            javafx.beans.binding.Bindings.bindContent(throughputChart.getData(), model.series().rates());
            latencyChart.getData().addAll(model.series().latency());
            for (LineChart<Number, Number> chart : List.of(throughputChart, latencyChart)) {
                NumberAxis x = (NumberAxis) chart.getXAxis();
                x.lowerBoundProperty().bind(model.series().fromProperty());
                x.upperBoundProperty().bind(model.series().toProperty());
                x.tickUnitProperty().bind(model.series().toProperty().subtract(model.series().fromProperty())
                        .map(span -> niceStep(span.doubleValue() / 8)));
            }
        }
    }

    private void detachCharts() {
        javafx.beans.binding.Bindings.unbindContent(throughputChart.getData(), model.series().rates());
        for (LineChart<Number, Number> chart : List.of(throughputChart, latencyChart)) {
            chart.getData().clear();
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.lowerBoundProperty().unbind();
            x.upperBoundProperty().unbind();
            x.tickUnitProperty().unbind();
        }
    }

    private LineChart<Number, Number> chart(String title, String unit, String id) {
        LineChart<Number, Number> chart = LineCharts.create(title, "seconds", unit, id);
        chart.getXAxis().setAutoRanging(false);
        chart.setMinWidth(200);
        chart.setPrefWidth(400);
        return chart;
    }

    /** 1, 2, 5, 10, 20, 50 … : the tick step for about eight ticks. */
    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
        double step = rough / magnitude;
        return (step <= 1 ? 1 : step <= 2 ? 2 : step <= 5 ? 5 : 10) * magnitude;
    }

    private Node summary() {
        Label summary = new Label();
        summary.setId("workloadSummary");
        summary.getStyleClass().addAll("message", "message-success");
        model.thresholdsFailedProperty().addListener((obs, was, failed) -> {
            summary.getStyleClass().removeAll("message-error", "message-success");
            summary.getStyleClass().add(failed ? "message-error" : "message-success");
        });
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.textProperty().bind(model.summaryProperty());
        summary.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        return summary;
    }

    private Node resultTabs() {
        Tab runs = new Tab("Runs", historyPanel());
        runs.setId("runsTab");
        Tab batches = new Tab("Ingest batches", batchesTable());
        batches.setId("batchesTab");
        batches.textProperty().bind(Bindings.size(ingest.batches())
                .map(n -> n.intValue() == 0 ? "Ingest batches" : "Ingest batches (" + Figures.count(n.longValue()) + ")"));
        TabPane tabs = new TabPane(runs, batches);
        tabs.setId("workloadResults");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("result-tabs");
        ingest.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                tabs.getSelectionModel().select(batches);
            }
        });
        model.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                tabs.getSelectionModel().select(runs);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    private Node historyPanel() {
        Label note = new Label("from workload_runs on the active profile's database");
        note.getStyleClass().add("hint");
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> history.refresh());
        Button csv = new Button("Export CSV…");
        csv.setId("exportCsv");
        csv.setOnAction(e -> export(ReportFormat.CSV));
        Button json = new Button("Export JSON…");
        json.setId("exportJson");
        json.setOnAction(e -> export(ReportFormat.JSON));
        csv.disableProperty().bind(Bindings.isEmpty(history.runs()));
        json.disableProperty().bind(Bindings.isEmpty(history.runs()));
        Button compare = new Button("Compare");
        compare.setId("compareRuns");
        compare.setTooltip(new javafx.scene.control.Tooltip("Select 2 to 5 runs (Ctrl+click) to set them side by side; the oldest is the base"));
        HBox header = new HBox(8, note, Nodes.spacer(), compare, refresh, csv, json);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<WorkloadRunRecord> table = new TableView<>(history.runs());
        table.setId("workloadRuns");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Nodes.placeholder(history.readFailureProperty(), "No runs yet: start one above."));
        table.getColumns().add(Nodes.textColumn("Started", 110, r -> STARTED.format(r.startedAt())));
        table.getColumns().add(Nodes.textColumn("Status", 80, WorkloadRunRecord::status));
        table.getColumns().add(Nodes.textColumn("Took", 60, r -> r.elapsedSeconds() == null ? "" : String.format(Locale.ROOT, "%.1f s", r.elapsedSeconds())));
        table.getColumns().add(Nodes.textColumn("OK", 70, r -> Figures.count(r.counts().ok())));
        table.getColumns().add(Nodes.textColumn("Failed", 60, r -> Figures.count(r.counts().failures())));
        table.getColumns().add(Nodes.textColumn("Orders/s", 75, r -> r.ordersPerSecond() == null ? "" : Figures.rate(r.ordersPerSecond())));
        table.getColumns().add(Nodes.textColumn("p95", 65, r -> r.p95() == null ? "" : Figures.millis(r.p95())));
        table.getColumns().add(Nodes.textColumn("p99", 65, r -> r.p99() == null ? "" : Figures.millis(r.p99())));
        table.getColumns().add(Nodes.textColumn("Thresholds", 100, WorkloadRunRecord::thresholds));
        table.getColumns().add(Nodes.textColumn("Plan", 300, WorkloadRunRecord::plan));
        table.setMinHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        compare.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems())
                .lessThan(dev.snowpulse.workload.RunComparison.MIN_RUNS)
                .or(Bindings.size(table.getSelectionModel().getSelectedItems()).greaterThan(dev.snowpulse.workload.RunComparison.MAX_RUNS)));
        compare.setOnAction(e -> history.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));
        history.comparisonProperty().addListener((obs, old, comparison) -> {
            if (comparison != null) {
                RunComparisonWindow.show(window(), comparison, history);
            }
        });

        Label message = new Label();
        message.setId("historyMessage");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(history.messageProperty());
        message.visibleProperty().bind(history.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox box = new VBox(6, header, message, table);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private void export(ReportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export workload runs as " + format.name());
        chooser.setInitialFileName("workload-runs." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            history.export(file.toPath(), format);
        }
    }

    private static TableColumn<IngestBatch, String> batchColumn(String name, double width, Function<IngestBatch, String> value) {
        TableColumn<IngestBatch, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private TextField field(WorkloadForm.Field field, javafx.beans.property.StringProperty value, String prompt) {
        TextField text = new TextField();
        text.setId("field-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        text.textProperty().bindBidirectional(value);
        text.setPromptText(prompt);
        text.setPrefColumnCount(6);
        fields.put(field, text);
        text.textProperty().addListener((obs, old, now) -> text.pseudoClassStateChanged(INVALID, false));
        return text;
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private void markInvalid(WorkloadForm.Field invalid) {
        fields.forEach((field, text) -> text.pseudoClassStateChanged(INVALID, field == invalid));
        if (invalid != null && fields.containsKey(invalid)) {
            fields.get(invalid).requestFocus();
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(7);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        // one width for every grid of the form, so that the fields of the stacked grids line up
        labels.setPrefWidth(LABEL_WIDTH);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputs);
        return grid;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static void showWhen(ObservableValue<Boolean> condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }


    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
