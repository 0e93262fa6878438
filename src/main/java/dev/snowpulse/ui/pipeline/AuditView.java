package dev.snowpulse.ui.pipeline;

import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.PipelineReports;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.audit.RowDifference;
import dev.snowpulse.pipeline.audit.RunComparison;
import dev.snowpulse.pipeline.audit.RunSnapshot;
import dev.snowpulse.pipeline.audit.TableComparison;
import dev.snowpulse.pipeline.audit.ValueChange;
import dev.snowpulse.ui.common.TabContent;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Audit tab: generation runs (a mark where the configuration changed since the run before), the reference
 * data one run used as a tree per table, and two runs compared row by row.
 */
public final class AuditView implements TabContent {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    /** One line of the comparison: a table, or a row under it, or a changed value under the row. */
    record DiffLine(String what, String change, String before, String after) {
    }

    private final AuditViewModel model;
    private final VBox root;
    private final TableView<AuditRun> runs = new TableView<>();

    public AuditView(AuditViewModel model) {
        this.model = model;
        Label title = new Label("Generation runs");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Select a run to see its configuration; Ctrl+click a second run to compare the two.");
        hint.getStyleClass().add("hint");
        Button compare = new Button("Compare selected");
        compare.setId("compareRuns");
        compare.getStyleClass().add("accent");
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(runs.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(e -> {
            List<AuditRun> picked = List.copyOf(runs.getSelectionModel().getSelectedItems());
            model.compare(picked.get(0), picked.get(1));
        });
        Button refresh = new Button("Refresh");
        refresh.setId("refreshAudit");
        refresh.setOnAction(e -> model.refresh());
        MenuButton export = new MenuButton("Export");
        export.setId("exportAudit");
        export.getItems().addAll(exportItem("Runs as CSV…", ReportFormat.CSV, model::exportRuns),
                exportItem("Runs as JSON…", ReportFormat.JSON, model::exportRuns),
                exportItem("Comparison as CSV…", ReportFormat.CSV, model::exportComparison),
                exportItem("Comparison as JSON…", ReportFormat.JSON, model::exportComparison));
        HBox bar = new HBox(8, title, hint, Nodes.spacer(), refresh, export, compare);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label snapshotTitle = new Label("Configuration used by the run");
        model.snapshotProperty().addListener((obs, old, now) -> snapshotTitle.setText(now == null
                ? "Configuration used by the run" : "Configuration used by run " + now.runId().substring(0, Math.min(8, now.runId().length())) + "…"));
        SplitPane lower = new SplitPane(titled(snapshotTitle, snapshotTree()),
                titled(new Label("Differences between the two runs"), comparisonTree()));
        lower.setDividerPositions(0.42);
        SplitPane body = new SplitPane(runsTable(), lower);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.42);
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(8, bar, MessageLine.of("auditMessage", model.errorProperty(), model.messageProperty()), body);
        root.setPadding(new Insets(12));
    }

    private Node runsTable() {
        runs.setId("auditRuns");
        runs.setItems(model.runs());
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.getColumns().add(Nodes.textColumn("Time (UTC)", 165, r -> PipelineReports.time(r.runTime())));
        runs.getColumns().add(Nodes.textColumn("Status", 80, AuditRun::status));
        runs.getColumns().add(Nodes.textColumn("Requested", 95, r -> Long.toString(r.requested())));
        runs.getColumns().add(Nodes.textColumn("Generated", 95, r -> Long.toString(r.generated())));
        runs.getColumns().add(Nodes.textColumn("Seconds", 70, r -> PipelineReports.seconds(r.seconds())));
        runs.getColumns().add(Nodes.textColumn("Config", 110, r -> r.configChanged() ? "● changed" : ""));
        runs.getColumns().add(Nodes.textColumn("Run id", 310, AuditRun::runId));
        runs.getColumns().add(Nodes.textColumn("Error", 300, r -> r.errorMessage() == null ? "" : r.errorMessage()));
        runs.setPlaceholder(dev.snowpulse.ui.common.Nodes.placeholder(model.errorProperty(),
                "No generation runs yet: generate data in the Pipeline tab"));
        runs.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRun run, boolean empty) {
                super.updateItem(run, empty);
                pseudoClassStateChanged(CHANGED, !empty && run != null && run.configChanged());
                pseudoClassStateChanged(FAILED, !empty && run != null && run.failed());
            }
        });
        runs.getSelectionModel().getSelectedItems().addListener((ListChangeListener<AuditRun>) c -> {
            List<AuditRun> picked = runs.getSelectionModel().getSelectedItems();
            if (picked.size() == 1) {
                model.showSnapshot(picked.getFirst());
            }
        });
        return runs;
    }

    private Node snapshotTree() {
        TreeTableView<String[]> tree = new TreeTableView<>();
        tree.setId("snapshotTree");
        tree.setShowRoot(false);
        tree.getColumns().add(treeColumn("Table / row / column", 260, 0));
        tree.getColumns().add(treeColumn("Value", 260, 1));
        tree.setPlaceholder(new Label("Select a run"));
        model.snapshotProperty().addListener((obs, old, now) -> tree.setRoot(now == null ? null : snapshotItems(now)));
        return tree;
    }

    private static TreeItem<String[]> snapshotItems(RunSnapshot snapshot) {
        TreeItem<String[]> top = new TreeItem<>(new String[]{snapshot.runId(), ""});
        for (ReferenceTable table : ReferenceTable.values()) {
            List<Map<String, String>> rows = snapshot.rows(table);
            TreeItem<String[]> tableItem = new TreeItem<>(new String[]{table.name(), rows.size() + (rows.size() == 1 ? " row" : " rows")});
            for (Map<String, String> row : rows) {
                TreeItem<String[]> rowItem = new TreeItem<>(new String[]{row.getOrDefault(table.key(), "?"), ""});
                row.forEach((column, value) -> {
                    if (!column.equals(table.key())) {
                        rowItem.getChildren().add(new TreeItem<>(new String[]{column.toLowerCase(Locale.ROOT), value == null ? "null" : value}));
                    }
                });
                tableItem.getChildren().add(rowItem);
            }
            top.getChildren().add(tableItem);
        }
        return top;
    }

    private Node comparisonTree() {
        TreeTableView<DiffLine> tree = new TreeTableView<>();
        tree.setId("comparisonTree");
        tree.setShowRoot(false);
        tree.getColumns().add(diffColumn("Table / row / column", 230, DiffLine::what));
        tree.getColumns().add(diffColumn("Change", 100, DiffLine::change));
        tree.getColumns().add(diffColumn("Before", 160, DiffLine::before));
        tree.getColumns().add(diffColumn("After", 160, DiffLine::after));
        tree.setPlaceholder(new Label("Select two runs and press Compare selected"));
        model.comparisonProperty().addListener((obs, old, now) -> tree.setRoot(now == null ? null : comparisonItems(now)));
        return tree;
    }

    static TreeItem<DiffLine> comparisonItems(RunComparison comparison) {
        TreeItem<DiffLine> top = new TreeItem<>(new DiffLine(comparison.before() + " → " + comparison.after(), "", "", ""));
        for (TableComparison table : comparison.tables()) {
            TreeItem<DiffLine> tableItem = new TreeItem<>(new DiffLine(table.table().name(), table.changed() ? "CHANGED" : "unchanged",
                    shortSum(table.checksumBefore()), shortSum(table.checksumAfter())));
            for (RowDifference row : table.differences()) {
                TreeItem<DiffLine> rowItem = new TreeItem<>(new DiffLine(row.key(), row.kind().name().toLowerCase(Locale.ROOT), "", ""));
                for (ValueChange change : row.changes()) {
                    rowItem.getChildren().add(new TreeItem<>(new DiffLine(change.column().toLowerCase(Locale.ROOT), "",
                            change.before() == null ? "" : change.before(), change.after() == null ? "" : change.after())));
                }
                rowItem.setExpanded(true);
                tableItem.getChildren().add(rowItem);
            }
            tableItem.setExpanded(table.changed());
            top.getChildren().add(tableItem);
        }
        return top;
    }

    private static String shortSum(String checksum) {
        return checksum == null ? "" : "md5 " + checksum.substring(0, Math.min(8, checksum.length()));
    }

    private MenuItem exportItem(String text, ReportFormat format, BiConsumer<java.nio.file.Path, ReportFormat> export) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName((text.startsWith("Runs") ? "generation-runs" : "run-comparison") + "." + format.extension());
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                export.accept(file.toPath(), format);
            }
        });
        return item;
    }

    private static TreeTableColumn<String[], String> treeColumn(String title, double width, int index) {
        TreeTableColumn<String[], String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()[index]));
        return column;
    }

    private static TreeTableColumn<DiffLine, String> diffColumn(String title, double width, Function<DiffLine, String> value) {
        TreeTableColumn<DiffLine, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue().getValue())));
        return column;
    }


    private static Node titled(Label label, Node content) {
        label.getStyleClass().add("section-title");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(6, label, content);
        box.setPadding(new Insets(8, 4, 4, 4));
        return box;
    }


    @Override
    public String title() {
        return "Audit";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.refresh();
    }
}
