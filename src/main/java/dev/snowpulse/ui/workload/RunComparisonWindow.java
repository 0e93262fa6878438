package dev.snowpulse.ui.workload;

import dev.snowpulse.ui.common.LineCharts;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.format.ReportTable;
import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.workload.RunComparison;
import dev.snowpulse.workload.SecondPoint;
import dev.snowpulse.workload.WorkloadHistory;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A window of its own for 2 to 5 runs side by side: their throughput and p95 latency overlaid on one time axis
 * (seconds since each run's start), their figures with the change against the base, their specs with the fields
 * that differ marked, and an export of the three tables.
 */
final class RunComparisonWindow {

    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

    private RunComparisonWindow() {
    }

    static Stage show(Window owner, RunComparison comparison, RunHistoryViewModel history) {
        List<WorkloadHistory.StoredRun> runs = comparison.runs();
        String ids = String.join(" · ", runs.stream().map(RunComparison::shortId).toList());
        Label title = new Label("Runs compared: " + ids);
        title.getStyleClass().add("editor-title");
        Label base = new Label("The base is " + RunComparison.shortId(runs.getFirst())
                + ": the others' figures show their change against it. Time is seconds since each run's start.");
        base.getStyleClass().add("hint");
        base.setWrapText(true);

        Label message = new Label();
        message.setId("comparisonMessage");
        message.getStyleClass().add("hint");
        Button csv = new Button("Export CSV…");
        csv.setId("exportComparisonCsv");
        Button json = new Button("Export JSON…");
        json.setId("exportComparisonJson");
        HBox header = new HBox(8, new VBox(2, title, base), Nodes.spacer(), csv, json);
        header.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(header.getChildren().getFirst(), Priority.ALWAYS);

        LineChart<Number, Number> throughput = chart("Transactions per second", "per second", "comparisonThroughput");
        LineChart<Number, Number> p95 = chart("p95 latency", "ms", "comparisonLatency");
        for (WorkloadHistory.StoredRun run : runs) {
            throughput.getData().add(series(run, p -> (double) p.ok()));
            p95.getData().add(series(run, SecondPoint::p95Ms));
        }
        HBox.setHgrow(throughput, Priority.ALWAYS);
        HBox.setHgrow(p95, Priority.ALWAYS);
        HBox charts = new HBox(8, throughput, p95);

        TableView<List<String>> table = table(List.of(comparison.figures(), comparison.specs()));
        VBox.setVgrow(table, Priority.ALWAYS);
        List<String> missing = comparison.withoutSeconds();
        if (!missing.isEmpty()) {
            message.setText("No second-by-second series for " + String.join(", ", missing) + " (a run from before SnowPulse kept them, one that has not ended, or a database without workload_run_seconds: "
                    + "initialise the schema on the Schema tab).");
        }

        VBox root = new VBox(10, header, charts, table, message);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("workload");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("SnowPulse · compare runs " + ids);
        Scene scene = new Scene(root, 1100, 720);
        // the app's theme, and a switch of it while the window is open
        javafx.beans.binding.Bindings.bindContent(scene.getStylesheets(), owner.getScene().getStylesheets());
        stage.setScene(scene);
        csv.setOnAction(e -> export(stage, comparison, history, ReportFormat.CSV, message));
        json.setOnAction(e -> export(stage, comparison, history, ReportFormat.JSON, message));
        stage.show();
        return stage;
    }

    private static void export(Stage stage, RunComparison comparison, RunHistoryViewModel history, ReportFormat format, Label message) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison as " + format.name());
        chooser.setInitialFileName("workload-comparison." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            history.exportComparison(comparison, file.toPath(), format, message::setText);
        }
    }

    private static LineChart<Number, Number> chart(String title, String unit, String id) {
        LineChart<Number, Number> chart = LineCharts.create(title, "seconds since the run's start", unit, id);
        chart.setMinWidth(300);
        chart.setPrefHeight(280);
        return chart;
    }

    private static XYChart.Series<Number, Number> series(WorkloadHistory.StoredRun run, Function<SecondPoint, Double> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(RunComparison.shortId(run));
        for (SecondPoint p : run.seconds()) {
            Double v = value.apply(p);
            if (v != null) {
                series.getData().add(new XYChart.Data<>(p.second(), v));
            }
        }
        return series;
    }

    /** The figures, then the specs, in one table whose columns are the runs; a spec that differs is marked. */
    private static TableView<List<String>> table(List<ReportTable> tables) {
        TableView<List<String>> table = new TableView<>();
        table.setId("comparisonTable");
        table.getStyleClass().add("comparison-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<String> header = tables.getFirst().columns();
        for (int c = 0; c < header.size(); c++) {
            int column = c;
            TableColumn<List<String>, String> col = new TableColumn<>(c == 0 ? "" : header.get(c));
            col.setPrefWidth(c == 0 ? 150 : 200);
            col.setSortable(false);
            col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(column < cell.getValue().size() ? cell.getValue().get(column) : ""));
            table.getColumns().add(col);
        }
        List<List<String>> rows = new ArrayList<>();
        for (ReportTable t : tables) {
            rows.addAll(t.rows());
        }
        table.getItems().setAll(rows);
        // a spec row ends with "differs" in a column past the runs'
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(List<String> row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(DIFFERS, !empty && row != null && row.size() > header.size() && "differs".equals(row.getLast()));
            }
        });
        return table;
    }
}
