package dev.snowpulse.ui.schema;

import dev.snowpulse.schema.FileState;
import dev.snowpulse.schema.SchemaFile;
import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.ui.common.TabContent;
import dev.snowpulse.ui.common.Dialogs;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/** The Schema tab: files and their state, the selected file's SQL, the live log, and the actions. */
public final class SchemaView implements TabContent {

    private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final SchemaViewModel model;
    private final ShellViewModel shell;
    private final VBox root;
    private final ChangeListener<Object> profileListener;

    public SchemaView(SchemaViewModel model, ShellViewModel shell) {
        this.model = model;
        this.shell = shell;
        this.profileListener = (obs, old, now) -> model.refresh();

        Label title = new Label("Schema");
        title.getStyleClass().add("editor-title");
        Label target = new Label();
        target.setId("schemaTarget");
        target.getStyleClass().add("editor-kind");
        target.textProperty().bind(model.targetProperty());
        HBox header = new HBox(12, title, target);
        header.setAlignment(Pos.BASELINE_LEFT);

        Label summary = new Label();
        summary.setId("schemaSummary");
        summary.getStyleClass().add("schema-summary");
        summary.textProperty().bind(model.summaryProperty());

        Label failure = Nodes.errorLine("schemaFailure", model.failureProperty());

        SplitPane body = new SplitPane(filesAndLog(), sqlViewer());
        body.setDividerPositions(0.52);
        VBox.setVgrow(body, Priority.ALWAYS);

        root = new VBox(10, header, summary, failure, body, actions());
        root.setPadding(new Insets(12, 16, 12, 16));
        root.getStyleClass().add("schema");
    }

    @Override
    public String title() {
        return "Schema";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        shell.activeProfileProperty().addListener(profileListener);
        model.refresh();
    }

    @Override
    public void deactivate() {
        shell.activeProfileProperty().removeListener(profileListener);
    }

    private Node filesAndLog() {
        TableView<SchemaFile> table = new TableView<>(model.files());
        table.setId("schemaFiles");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(dev.snowpulse.ui.common.Nodes.placeholder(model.failureProperty(), "No files to show"));
        table.getColumns().add(column("File", 230, f -> f.script() == null ? f.description() : f.script()));
        table.getColumns().add(column("Kind", 90, f -> f.repeatable() ? "repeatable" : f.version() == null ? "" : "version " + f.version()));
        TableColumn<SchemaFile, String> state = column("State", 140, f -> f.state().label());
        state.setCellFactory(c -> new StateCell());
        table.getColumns().add(state);
        table.getColumns().add(column("Applied", 125, f -> f.appliedAt() == null ? "" : APPLIED_AT.format(f.appliedAt())));
        table.getColumns().add(column("Took", 60, f -> f.executionMillis() == null ? "" : f.executionMillis() + " ms"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.showSql(now));

        Label logTitle = new Label("Log");
        logTitle.getStyleClass().add("section-title");
        ListView<String> log = new ListView<>(model.log());
        log.setId("schemaLog");
        log.getStyleClass().add("mono");
        log.setPrefHeight(170);
        log.setPlaceholder(new Label("Initialize or Upgrade shows each file here as it is applied."));
        // after the list has laid out its new cell, or the last line stays just out of view
        model.log().addListener((javafx.collections.ListChangeListener<String>) change ->
                javafx.application.Platform.runLater(() -> log.scrollTo(model.log().size() - 1)));

        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, table, logTitle, log);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private Node sqlViewer() {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(model.sqlTitleProperty().map(t -> t.isEmpty() ? "SQL" : t));
        TextArea text = new TextArea();
        text.setId("schemaSql");
        text.setEditable(false);
        text.getStyleClass().add("mono");
        text.setPromptText("Select a file to read its SQL.");
        text.textProperty().bind(model.sqlProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox box = new VBox(8, title, text);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private Node actions() {
        Button migrate = new Button();
        migrate.setId("migrateButton");
        migrate.getStyleClass().add("accent");
        migrate.textProperty().bind(model.actionProperty());
        migrate.disableProperty().bind(model.busyProperty().or(model.canMigrateProperty().not()));
        migrate.setOnAction(e -> {
            if (model.needsProdConfirmation()) {
                Dialogs.confirmProd(window(), model.prodQuestion(model.actionProperty().get() + " the schema"),
                        shell.activeProfileProperty().get().name()).ifPresent(model::migrate);
            } else {
                model.migrate(null);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.busyProperty());
        Button reset = new Button("Reset demo data…");
        reset.setId("resetDataButton");
        reset.getStyleClass().add("danger");
        reset.disableProperty().bind(model.busyProperty().or(model.usableProperty().not()));
        reset.setOnAction(e -> {
            String name = shell.activeProfileProperty().get().name();
            java.util.Optional<String> units = Dialogs.askNumber(window(), "Reset demo data",
                    "Empty all orders and payments on '" + name + "' and restock every product to this many units?",
                    "Units per product:", Integer.toString(dev.snowpulse.schema.SchemaService.DEFAULT_RESTOCK));
            if (units.isEmpty()) {
                return;
            }
            if (model.needsProdConfirmation()) {
                Dialogs.confirmProd(window(), model.prodQuestion("Resetting the demo data"), name)
                        .ifPresent(typed -> model.resetDemoData(typed, units.get()));
            } else {
                model.resetDemoData(null, units.get());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, migrate, refresh, spacer, reset);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static TableColumn<SchemaFile, String> column(String name, double width, Function<SchemaFile, String> value) {
        TableColumn<SchemaFile, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The state as a coloured badge. */
    private static final class StateCell extends TableCell<SchemaFile, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeIf(c -> c.startsWith("file-state-"));
            if (empty || text == null) {
                setText(null);
                return;
            }
            setText(text);
            SchemaFile file = getTableRow() == null ? null : getTableRow().getItem();
            FileState state = file == null ? null : file.state();
            if (state != null) {
                getStyleClass().add("file-state-" + state.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
