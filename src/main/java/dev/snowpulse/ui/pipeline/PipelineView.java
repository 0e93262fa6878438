package dev.snowpulse.ui.pipeline;

import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.pipeline.PipelineReports;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.StreamInfo;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.ui.common.TabContent;
import dev.snowpulse.ui.common.Dialogs;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Locale;
import java.util.function.Consumer;

/** The Pipeline tab: controls and the task graph, history and streams, and the reference configuration. */
public final class PipelineView implements TabContent {

    private final PipelineViewModel model;
    private final ReferenceViewModel reference;
    private final ShellViewModel shell;
    private final TabPane sections = new TabPane();
    private final VBox root;
    private final TaskGraphPane graph;

    public PipelineView(PipelineViewModel model, ReferenceViewModel reference, ShellViewModel shell) {
        this.model = model;
        this.reference = reference;
        this.shell = shell;
        this.graph = new TaskGraphPane(model::select);
        sections.setId("pipelineSections");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.getTabs().addAll(section("Overview", "section-overview", overview()),
                section("History & streams", "section-history", historyAndStreams()),
                section("Configuration", "section-configuration", configuration()));
        sections.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getId().equals("section-configuration") && reference.rows().isEmpty()) {
                reference.load();
            }
        });
        VBox.setVgrow(sections, Priority.ALWAYS);
        root = new VBox(8, header(), MessageLine.of("pipelineMessage", model.errorProperty(), model.messageProperty()), sections);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("pipeline-tab");
    }

    private static Tab section(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private Node header() {
        Label target = new Label();
        target.setId("pipelineTarget");
        target.textProperty().bind(model.targetProperty());
        target.getStyleClass().add("section-title");
        Label updated = new Label();
        updated.setId("pipelineUpdated");
        updated.textProperty().bind(model.updatedProperty());
        updated.getStyleClass().add("hint");
        Button deploy = new Button("Deploy…");
        deploy.setId("deployPipeline");
        deploy.disableProperty().bind(model.usableProperty().not().or(model.busyProperty()));
        deploy.setOnAction(e -> model.planDeploy());
        deploy.setTooltip(new Tooltip("Shows what a deploy would add or replace here (sql/snowflake, or sql/local-pipeline on "
                + "PostgreSQL) before anything changes; tables, columns and rows are never dropped"));
        Button start = needsDeploy(guarded("Start", "startPipeline", "Starting the pipeline", model::start));
        Button stop = needsDeploy(guarded("Stop", "stopPipeline", "Stopping the pipeline", model::stop));
        // the primary action is the next step: Deploy while the pipeline is missing here, then Start
        accentWhen(deploy, model.notDeployedProperty(), true);
        accentWhen(start, model.deployedProperty(), true);
        Button refresh = new Button("Refresh");
        refresh.setId("refreshPipeline");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.usableProperty().not());
        HBox bar = new HBox(8, target, Nodes.spacer(), updated, refresh, deploy, start, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node overview() {
        Label generateTitle = new Label("Generate now");
        generateTitle.getStyleClass().add("section-title");
        HBox generate = new HBox(6, generateTitle, new Label("  customer"), count("customer", model.customerEventsProperty()),
                new Label("purchase"), count("purchase", model.purchaseEventsProperty()),
                new Label("marketing"), count("marketing", model.marketingEventsProperty()),
                new Label("supply chain"), count("supply chain", model.supplyChainEventsProperty()),
                needsDeploy(guarded("Generate", "generateNow", "Generating pipeline data", model::generate)));
        generate.setAlignment(Pos.CENTER_LEFT);
        Label cost = new Label();
        cost.setId("pipelineCost");
        cost.getStyleClass().add("hint");
        cost.textProperty().bind(model.costProperty());
        cost.managedProperty().bind(model.costProperty().isNotEmpty());
        cost.visibleProperty().bind(model.costProperty().isNotEmpty());
        cost.setTooltip(new Tooltip("The events each scheduled run generates and how often it runs: together, what the "
                + "schedule costs. Deploy with other counts or another schedule to change them."));

        TextField schema = new TextField();
        schema.setId("taskSchema");
        schema.setPrefColumnCount(28);
        schema.textProperty().bindBidirectional(model.taskSchemaProperty());
        schema.setOnAction(e -> model.refresh());
        Button load = new Button("Show tasks");
        load.setId("loadTasks");
        load.setOnAction(e -> model.refresh());
        load.disableProperty().bind(model.usableProperty().not());
        Label graphTitle = new Label("Task graph");
        graphTitle.getStyleClass().add("section-title");
        HBox graphBar = new HBox(8, graphTitle, Nodes.spacer(), new Label("Schema"), schema, load);
        graphBar.setAlignment(Pos.CENTER_LEFT);

        model.tasks().addListener((javafx.collections.ListChangeListener<? super dev.snowpulse.pipeline.task.TaskStatus>) c ->
                graph.show(model.tasks(), model.selectedTaskProperty().get()));
        graph.emptyTextProperty().bind(model.errorProperty().map(error -> error.isEmpty()
                ? "No tasks in this schema yet. Deploy the pipeline, or load another schema." : Nodes.NOT_READ));
        graph.show(model.tasks(), null);
        ScrollPane graphScroll = new ScrollPane(graph);
        graphScroll.getStyleClass().add("task-graph-scroll");
        graphScroll.setFitToHeight(true);
        graphScroll.setFitToWidth(true);
        VBox.setVgrow(graphScroll, Priority.ALWAYS);

        Label selected = new Label();
        selected.setId("selectedTask");
        selected.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.selectedTaskProperty().get() == null
                ? "Click a task to act on it." : model.selectedTaskProperty().get().task().name(), model.selectedTaskProperty()));
        selected.getStyleClass().add("hint");
        Button resume = taskButton("Resume", "resumeTask", "Resuming the task", model::resume);
        Button suspend = taskButton("Suspend", "suspendTask", "Suspending the task", model::suspend);
        Button execute = taskButton("Run now", "executeTask", "Running the task graph", model::execute);
        Button retry = taskButton("Retry last", "retryTask", "Retrying the task graph", model::retryLast);
        HBox taskBar = new HBox(8, selected, Nodes.spacer(), resume, suspend, execute, retry);
        taskBar.setAlignment(Pos.CENTER_LEFT);

        VBox left = new VBox(8, graphBar, graphScroll, taskBar);
        left.getStyleClass().add("kpi-panel");
        left.setPadding(new Insets(10));
        HBox.setHgrow(left, Priority.ALWAYS);

        TableView<LayerCount> layers = new TableView<>(model.summary());
        layers.setId("layerSummary");
        layers.getColumns().add(Nodes.textColumn("Layer", 62, LayerCount::layer));
        layers.getColumns().add(Nodes.textColumn("Table", 190, LayerCount::table));
        TableColumn<LayerCount, String> records = Nodes.textColumn("Rows", 70, c -> String.format(Locale.ROOT, "%,d", c.records()));
        records.setStyle("-fx-alignment: CENTER-RIGHT;");
        layers.getColumns().add(records);
        layers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        layers.setPlaceholder(Nodes.placeholder(model.errorProperty(), "No counts yet"));
        layers.setPrefHeight(186);
        layers.setMinHeight(186);

        ProgressBar progress = new ProgressBar();
        progress.setId("deployProgress");
        progress.progressProperty().bind(model.deployProgressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        ListView<String> log = new ListView<>(model.deployLog());
        log.setId("deployLog");
        log.getStyleClass().add("mono");
        log.setPlaceholder(new Label("Deploy… shows the plan here first"));
        // plan lines and statements are long: wrap them to the panel instead of cutting them off
        log.setCellFactory(list -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(list.widthProperty().subtract(18));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            return cell;
        });
        model.deployLog().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (model.planProperty().get() == null) {
                log.scrollTo(model.deployLog().size() - 1);
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);
        Button apply = guarded("Apply plan", "applyDeploy", "Deploying the pipeline", model::deploy);
        apply.getStyleClass().add("accent");
        Button discard = new Button("Discard");
        discard.setId("discardDeploy");
        discard.setOnAction(e -> model.discardPlan());
        HBox planBar = new HBox(8, Nodes.spacer(), discard, apply);
        planBar.managedProperty().bind(model.planProperty().isNotNull());
        planBar.visibleProperty().bind(model.planProperty().isNotNull());
        VBox right = new VBox(8, title("Rows per layer"), layers, title("Deploy"), progress, log, planBar);
        right.getStyleClass().add("kpi-panel");
        right.setPadding(new Insets(10));
        right.setPrefWidth(370);
        right.setMinWidth(330);

        HBox body = new HBox(10, left, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox overview = new VBox(10, generate, cost, body);
        overview.setPadding(new Insets(10, 0, 0, 0));
        return overview;
    }

    private Node historyAndStreams() {
        CheckBox errorsOnly = new CheckBox("Failed runs only");
        errorsOnly.setId("errorsOnly");
        errorsOnly.selectedProperty().bindBidirectional(model.errorsOnlyProperty());
        errorsOnly.selectedProperty().addListener((obs, old, now) -> model.refresh());
        HBox historyBar = new HBox(8, title("Task history, last 7 days"), Nodes.spacer(), errorsOnly);
        historyBar.setAlignment(Pos.CENTER_LEFT);

        TableView<TaskRun> history = new TableView<>(model.history());
        history.setId("taskHistory");
        history.getColumns().add(Nodes.textColumn("Task", 250, TaskRun::task));
        history.getColumns().add(Nodes.textColumn("State", 100, r -> r.state().name()));
        history.getColumns().add(Nodes.textColumn("Scheduled (UTC)", 150, r -> PipelineReports.time(r.scheduledTime())));
        history.getColumns().add(Nodes.textColumn("Started (UTC)", 150, r -> PipelineReports.time(r.startTime())));
        history.getColumns().add(Nodes.textColumn("Seconds", 70, r -> PipelineReports.seconds(r.duration())));
        history.getColumns().add(Nodes.textColumn("Error", 290, r -> r.errorCode() == null ? "" : r.errorCode() + " " + r.errorMessage()));
        history.getColumns().add(Nodes.textColumn("Query id", 260, r -> r.queryId() == null ? "" : r.queryId()));
        history.setPlaceholder(new Label("No task runs in the last 7 days"));
        history.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(TaskRun run, boolean empty) {
                super.updateItem(run, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), !empty && run != null && run.state().failed());
            }
        });
        VBox.setVgrow(history, Priority.ALWAYS);

        TextField streamSchema = new TextField();
        streamSchema.setId("streamSchema");
        streamSchema.setPrefColumnCount(28);
        streamSchema.textProperty().bindBidirectional(model.streamSchemaProperty());
        streamSchema.setOnAction(e -> model.refresh());
        HBox streamBar = new HBox(8, title("Streams"), Nodes.spacer(), new Label("Schema"), streamSchema);
        streamBar.setAlignment(Pos.CENTER_LEFT);
        TableView<StreamInfo> streams = new TableView<>(model.streams());
        streams.setId("streamsTable");
        streams.getColumns().add(Nodes.textColumn("Stream", 300, s -> shortName(s.name())));
        streams.getColumns().add(Nodes.textColumn("On table", 300, s -> shortName(s.tableName())));
        streams.getColumns().add(Nodes.textColumn("Mode", 160, s -> s.mode() == null ? "" : s.mode()));
        streams.getColumns().add(Nodes.textColumn("Has data", 80, s -> s.hasData() ? "yes" : "no"));
        streams.getColumns().add(Nodes.textColumn("Stale", 60, s -> s.stale() ? "STALE" : "no"));
        streams.getColumns().add(Nodes.textColumn("Stale after", 150, s -> PipelineReports.time(s.staleAfter())));
        streams.setPlaceholder(new Label("No streams in this schema"));
        streams.setPrefHeight(150);
        streams.setMinHeight(120);

        VBox box = new VBox(8, historyBar, history, streamBar, streams);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private Node configuration() {
        ChoiceBox<ReferenceTable> table = new ChoiceBox<>();
        table.setId("referenceTable");
        table.getItems().setAll(ReferenceTable.values());
        table.valueProperty().bindBidirectional(reference.tableProperty());
        Button reload = new Button("Reload");
        reload.setId("reloadReference");
        reload.setOnAction(e -> reference.load());
        Label hint = new Label("Double-click a value to edit it. Edits are checked at once and wait below until you apply them.");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(8, title("Reference configuration"), table, reload, Nodes.spacer(), hint);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<ReferenceRow> rows = new TableView<>(reference.rows());
        rows.setId("referenceRows");
        rows.setEditable(true);
        rows.setPlaceholder(new Label("Deploy the pipeline to see its reference tables"));
        Runnable columns = () -> {
            rows.getColumns().clear();
            ReferenceTable shown = reference.tableProperty().get();
            rows.getColumns().add(Nodes.textColumn(shown.key().toLowerCase(Locale.ROOT), 230, ReferenceRow::key));
            shown.columns().forEach((name, rule) -> {
                TableColumn<ReferenceRow, String> column = Nodes.textColumn(name.toLowerCase(Locale.ROOT), name.equals("DESCRIPTION") ? 320 : rule == dev.snowpulse.pipeline.reference.ColumnRule.PARAMETER ? 330 : 205,
                        r -> pendingValue(r, name));
                column.setId("ref-" + name);
                boolean editable = rule != dev.snowpulse.pipeline.reference.ColumnRule.FIXED;
                column.setEditable(editable);
                column.setCellFactory(c -> new TextFieldTableCell<>(new javafx.util.converter.DefaultStringConverter()) {
                    @Override
                    public void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        ReferenceRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                        pseudoClassStateChanged(PENDING, row != null && pendingChange(row, name) != null);
                    }
                });
                column.setOnEditCommit(e -> {
                    if (!reference.propose(e.getRowValue(), name, e.getNewValue())) {
                        rows.refresh();
                    }
                });
                if (!rule.shortForm().isEmpty()) {
                    column.setText(name.toLowerCase(Locale.ROOT) + "  (" + rule.shortForm() + ")");
                }
                rows.getColumns().add(column);
            });
        };
        reference.tableProperty().addListener((obs, old, now) -> columns.run());
        reference.pending().addListener((javafx.collections.ListChangeListener<ReferenceChange>) c -> rows.refresh());
        columns.run();
        VBox.setVgrow(rows, Priority.ALWAYS);

        ListView<ReferenceChange> pending = new ListView<>(reference.pending());
        pending.setId("pendingChanges");
        pending.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ReferenceChange change, boolean empty) {
                super.updateItem(change, empty);
                setText(empty || change == null ? null : change.describe());
            }
        });
        pending.setPlaceholder(new Label("No pending changes"));
        pending.setPrefHeight(110);
        Button apply = new Button();
        apply.setId("applyChanges");
        apply.getStyleClass().add("accent");
        apply.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> switch (reference.pending().size()) {
            case 0 -> "Apply changes";
            case 1 -> "Apply 1 change";
            default -> "Apply " + reference.pending().size() + " changes";
        }, reference.pending()));
        apply.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(reference.pending()).or(reference.busyProperty()));
        apply.setOnAction(e -> {
            if (reference.needsProdConfirmation()) {
                Dialogs.confirmProd(window(), reference.prodQuestion(), shell.activeProfileProperty().get().name()).ifPresent(reference::apply);
            } else {
                reference.apply(null);
            }
        });
        Button discard = new Button("Discard");
        discard.setId("discardChanges");
        discard.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(reference.pending()));
        discard.setOnAction(e -> {
            reference.discard();
            rows.refresh();
        });
        HBox pendingBar = new HBox(8, title("Pending changes"), Nodes.spacer(), discard, apply);
        pendingBar.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(8, bar, MessageLine.of("referenceMessage", reference.errorProperty(), reference.messageProperty()),
                rows, pendingBar, pending);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private TextField count(String label, StringProperty value) {
        TextField field = new TextField();
        field.setId("count-" + label.replace(' ', '-'));
        field.setPrefColumnCount(4);
        field.setPromptText(label);
        field.textProperty().bindBidirectional(value);
        field.setTooltip(new Tooltip(label + " events (0.." + dev.snowpulse.pipeline.EventCounts.MAX + ")"));
        return field;
    }

    /** Enabled once the pipeline was read in this database: not while it is missing, nor while it could not be read. */
    private Button needsDeploy(Button button) {
        button.disableProperty().unbind();
        button.disableProperty().bind(model.usableProperty().not().or(model.busyProperty()).or(model.deployedProperty().not()));
        return button;
    }

    /** The accent while {@code state} is {@code when}; a listener on the property itself, no binding to be collected. */
    private static void accentWhen(Button button, javafx.beans.value.ObservableBooleanValue state, boolean when) {
        java.util.function.Consumer<Boolean> apply = value -> {
            boolean on = value == when;
            if (on && !button.getStyleClass().contains("accent")) {
                button.getStyleClass().add("accent");
            } else if (!on) {
                button.getStyleClass().remove("accent");
            }
        };
        apply.accept(state.get());
        state.addListener((obs, old, now) -> apply.accept(now));
    }

    private Button guarded(String text, String id, String action, Consumer<String> run) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(model.usableProperty().not().or(model.busyProperty()));
        button.setOnAction(e -> {
            if (model.needsProdConfirmation()) {
                Dialogs.confirmProd(window(), model.prodQuestion(action), shell.activeProfileProperty().get().name()).ifPresent(run);
            } else {
                run.accept(null);
            }
        });
        return button;
    }

    private Button taskButton(String text, String id, String action, Consumer<String> run) {
        Button button = guarded(text, id, action, run);
        button.disableProperty().unbind();
        button.disableProperty().bind(model.usableProperty().not().or(model.busyProperty()).or(model.selectedTaskProperty().isNull()));
        button.getStyleClass().add("small-button");
        return button;
    }


    private static final javafx.css.PseudoClass PENDING = javafx.css.PseudoClass.getPseudoClass("pending");

    /** A cell shows its pending value, marked, until the change is applied or discarded. */
    private String pendingValue(ReferenceRow row, String column) {
        ReferenceChange change = pendingChange(row, column);
        String value = change != null ? change.after() : row.value(column);
        return value == null ? "" : value;
    }

    private ReferenceChange pendingChange(ReferenceRow row, String column) {
        for (ReferenceChange change : reference.pending()) {
            if (change.table() == row.table() && change.key().equals(row.key()) && change.column().equals(column)) {
                return change;
            }
        }
        return null;
    }

    private static String shortName(String qualified) {
        return qualified == null ? "" : qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }


    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public String title() {
        return "Pipeline";
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
}
