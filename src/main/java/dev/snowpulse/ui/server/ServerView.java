package dev.snowpulse.ui.server;

import dev.snowpulse.format.Durations;
import dev.snowpulse.server.BackendSession;
import dev.snowpulse.server.BackendSignal;
import dev.snowpulse.server.BlockingChains;
import dev.snowpulse.server.StatementStats;
import dev.snowpulse.ui.common.Dialogs;
import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.ui.common.TabContent;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The Server tab: controls, four live charts, and the sessions, blocking chains and top statements below them. */
public final class ServerView implements TabContent {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ServerViewModel model;
    private final VBox root;
    private final TableView<BackendSession> sessions;

    public ServerView(ServerViewModel model) {
        this.model = model;
        ServerCharts charts = new ServerCharts(model.samples());
        this.sessions = sessionsTable();

        Label message = new Label();
        message.setId("serverMessage");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        GridPane chartRow = new GridPane();
        chartRow.setHgap(8);
        Label blocksTitle = title("Blocks per second");
        blocksTitle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        blocksTitle.setId("serverBlocksTitle");
        blocksTitle.textProperty().bind(model.ratesProperty().map(r -> "Blocks per second"
                + (ServerCharts.hitRatio(r).isEmpty() ? "" : " · " + ServerCharts.hitRatio(r))).orElse("Blocks per second"));
        chartRow.add(panel(title("Transactions per second"), charts.legend(charts.transactions), charts.transactions), 0, 0);
        chartRow.add(panel(title("Sessions by state"), charts.legend(charts.sessions), charts.sessions), 1, 0);
        chartRow.add(panel(title("Rows per second"), charts.legend(charts.tuples), charts.tuples), 2, 0);
        chartRow.add(panel(blocksTitle, charts.legend(charts.blocks), charts.blocks), 3, 0);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(25);
            chartRow.getColumnConstraints().add(column);
        }
        chartRow.setPrefHeight(250);
        chartRow.setMinHeight(180);

        TabPane details = new TabPane(sessionsTab(), blockingTab(), statementsTab());
        details.setId("serverDetails");
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(details, Priority.ALWAYS);

        root = new VBox(6, controls(), Nodes.errorLine("serverError", model.errorProperty()), message,
                Nodes.warningLine("serverHiddenQueries", model.hiddenNoteProperty()),
                Nodes.infoLine("serverPooler", model.poolerNoteProperty()), chartRow, details);
        root.setPadding(new Insets(10, 14, 10, 14));
        root.getStyleClass().add("server");
        model.staleProperty().addListener((obs, old, now) -> chartRow.setOpacity(now ? 0.55 : 1));
    }

    private Node controls() {
        ChoiceBox<RefreshInterval> interval = new ChoiceBox<>();
        interval.setId("serverInterval");
        interval.getItems().setAll(RefreshInterval.values());
        interval.valueProperty().bindBidirectional(model.intervalProperty());
        ToggleButton pause = new ToggleButton();
        pause.setId("serverPause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(model.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        Button refresh = new Button("Refresh");
        refresh.setId("serverRefresh");
        refresh.setOnAction(e -> model.refreshNow());
        Label updated = new Label();
        updated.setId("serverUpdated");
        updated.getStyleClass().add("hint");
        updated.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.updatedProperty().get()
                + (model.staleProperty().get() ? " · stale" : ""), model.updatedProperty(), model.staleProperty()));
        HBox bar = new HBox(8, updated, Nodes.spacer(), interval, pause, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(model.usableProperty().not());
        return bar;
    }

    private Tab sessionsTab() {
        TextField filter = new TextField();
        filter.setId("serverApplicationFilter");
        filter.setPromptText("application name, e.g. snowpulse-workload-…");
        filter.setPrefColumnCount(24);
        filter.textProperty().bindBidirectional(model.applicationFilterProperty());
        Button thisRun = new Button("This run's sessions");
        thisRun.setId("serverThisRun");
        thisRun.setOnAction(e -> model.showThisRun());
        Button all = new Button("All");
        all.setOnAction(e -> model.applicationFilterProperty().set(""));
        Button cancel = new Button("Cancel query…");
        cancel.setId("serverCancel");
        cancel.setOnAction(e -> signal(BackendSignal.CANCEL));
        Button terminate = new Button("Terminate…");
        terminate.setId("serverTerminate");
        terminate.getStyleClass().add("danger");
        terminate.setOnAction(e -> signal(BackendSignal.TERMINATE));
        cancel.disableProperty().bind(sessions.getSelectionModel().selectedItemProperty().isNull());
        terminate.disableProperty().bind(cancel.disableProperty());
        Label application = new Label("Application");
        application.getStyleClass().add("field-label");
        HBox bar = new HBox(8, application, filter, thisRun, all, Nodes.spacer(), cancel, terminate);
        bar.setAlignment(Pos.CENTER_LEFT);

        TextArea query = new TextArea();
        query.setId("serverQueryText");
        query.setEditable(false);
        query.setWrapText(true);
        query.setPrefRowCount(3);
        query.setPromptText("Select a session to see its whole query");
        sessions.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> query.setText(now == null ? ""
                : now.query() == null ? "(not visible to this role)" : now.query()));
        VBox.setVgrow(sessions, Priority.ALWAYS);
        VBox box = new VBox(6, bar, sessions, query);
        box.setPadding(new Insets(6, 0, 0, 0));
        Tab tab = new Tab();
        tab.setId("serverSessionsTab");
        tab.textProperty().bind(javafx.beans.binding.Bindings.size(model.sessions()).asString("Sessions (%d)"));
        tab.setContent(box);
        return tab;
    }

    /**
     * Every refresh replaces the rows: the table keeps its sort (a sorted view bound to the table's comparator) and
     * the session the user selected (found again by pid), so Cancel and Terminate stay on it.
     */
    private TableView<BackendSession> sessionsTable() {
        boolean[] refreshing = {false};
        Integer[] chosenPid = {null};
        // registered before the sorted view's own listener, so it runs before the table sees the new rows
        model.sessions().addListener((javafx.collections.ListChangeListener<BackendSession>) c -> refreshing[0] = true);
        javafx.collections.transformation.SortedList<BackendSession> sorted = new javafx.collections.transformation.SortedList<>(model.sessions());
        TableView<BackendSession> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!refreshing[0]) {
                chosenPid[0] = now == null ? null : now.pid();
            }
        });
        sorted.addListener((javafx.collections.ListChangeListener<BackendSession>) c -> {
            if (chosenPid[0] != null) {
                sorted.stream().filter(s -> s.pid() == chosenPid[0]).findFirst().ifPresent(s -> table.getSelectionModel().select(s));
            }
            refreshing[0] = false;
        });
        table.setId("serverSessions");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Nodes.placeholder(model.errorProperty(), "No other session in this database"));
        TableColumn<BackendSession, Number> pid = new TableColumn<>("PID");
        pid.setPrefWidth(60);
        pid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pid()));
        TableColumn<BackendSession, Duration> duration = new TableColumn<>("Duration");
        duration.setId("serverDurationColumn");
        duration.setPrefWidth(80);
        duration.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().duration(now())));
        duration.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Duration item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Durations.elapsed(item));
            }
        });
        table.getColumns().add(pid);
        table.getColumns().add(Nodes.textColumn("Application", 170, s -> orEmpty(s.application())));
        table.getColumns().add(Nodes.textColumn("User", 80, s -> orEmpty(s.user())));
        table.getColumns().add(Nodes.textColumn("Client", 90, s -> orEmpty(s.client())));
        table.getColumns().add(Nodes.textColumn("State", 120, s -> s.state().label()));
        table.getColumns().add(Nodes.textColumn("Wait", 150, s -> s.waitText()
                + (s.lockMode() == null ? "" : " · " + s.lockMode() + (s.lockRelation() == null ? "" : " on " + s.lockRelation()))));
        table.getColumns().add(Nodes.textColumn("Transaction start", 105, s -> time(s.transactionStart())));
        table.getColumns().add(Nodes.textColumn("Query start", 80, s -> time(s.queryStart())));
        table.getColumns().add(duration);
        table.getColumns().add(Nodes.textColumn("Query", 300, s -> s.query() == null ? "(not visible to this role)" : s.firstLine()));
        return table;
    }

    private Instant now() {
        var snapshot = model.snapshotProperty().get();
        return snapshot == null ? Instant.now() : snapshot.takenAt();
    }

    private Tab blockingTab() {
        TreeItem<BlockingChains.Link> top = new TreeItem<>();
        TreeView<BlockingChains.Link> tree = new TreeView<>(top);
        tree.setId("serverBlocking");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(BlockingChains.Link item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item.session()));
            }
        });
        Label none = new Label("No session waits on another's lock.");
        none.getStyleClass().add("hint");
        model.chainsProperty().addListener((obs, old, now) -> {
            top.getChildren().setAll(now.stream().map(ServerView::item).toList());
            none.setVisible(now.isEmpty());
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        VBox box = new VBox(6, none, tree);
        box.setPadding(new Insets(6, 0, 0, 0));
        Tab tab = new Tab();
        tab.setId("serverBlockingTab");
        tab.textProperty().bind(model.chainsProperty().map(c -> c.isEmpty() ? "Blocking" : "Blocking (" + c.size() + ")"));
        tab.setContent(box);
        return tab;
    }

    private static TreeItem<BlockingChains.Link> item(BlockingChains.Link link) {
        TreeItem<BlockingChains.Link> item = new TreeItem<>(link);
        item.setExpanded(true);
        link.waiters().forEach(w -> item.getChildren().add(item(w)));
        return item;
    }

    static String describe(BackendSession s) {
        StringBuilder text = new StringBuilder("pid ").append(s.pid());
        if (s.application() != null && !s.application().isBlank()) {
            text.append(" · ").append(s.application());
        }
        if (s.rawState() != null || s.waitEventType() != null) {
            text.append(" · ").append(s.state().label());
        }
        if (s.lockMode() != null) {
            text.append(" · waits for ").append(s.lockMode()).append(s.lockRelation() == null ? "" : " on " + s.lockRelation());
        }
        if (s.query() != null) {
            text.append(" · ").append(s.firstLine());
        }
        return text.toString();
    }

    private Tab statementsTab() {
        ChoiceBox<StatementsShown> shown = new ChoiceBox<>();
        shown.setId("serverStatementsShown");
        shown.getItems().setAll(StatementsShown.values());
        shown.valueProperty().bindBidirectional(model.statementsShownProperty());
        shown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("serverStatementsNote");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.textProperty().bind(model.statementsNoteProperty());
        HBox bar = new HBox(8, shown, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        TableView<StatementStats> table = new TableView<>(model.statements());
        table.setId("serverStatements");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No statements to show"));
        table.getColumns().add(number("Calls", 70, s -> (double) s.calls(), "%,.0f"));
        table.getColumns().add(number("Total ms", 90, StatementStats::totalMillis, "%,.1f"));
        table.getColumns().add(number("Mean ms", 80, StatementStats::meanMillis, "%,.3f"));
        table.getColumns().add(number("Rows", 80, s -> (double) s.rows(), "%,.0f"));
        table.getColumns().add(number("Shared hit", 90, s -> (double) s.sharedBlocksHit(), "%,.0f"));
        table.getColumns().add(number("Shared read", 90, s -> (double) s.sharedBlocksRead(), "%,.0f"));
        table.getColumns().add(Nodes.textColumn("Query", 400, s -> s.query().replaceAll("\\s+", " ").strip()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, bar, table);
        box.setPadding(new Insets(6, 0, 0, 0));
        Tab tab = new Tab("Top statements", box);
        tab.setId("serverStatementsTab");
        return tab;
    }

    private static TableColumn<StatementStats, Double> number(String title, double width,
                                                             java.util.function.Function<StatementStats, Double> value, String format) {
        TableColumn<StatementStats, Double> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, format, item));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private void signal(BackendSignal signal) {
        BackendSession session = sessions.getSelectionModel().getSelectedItem();
        if (session == null) {
            return;
        }
        String question = ServerViewModel.confirmation(signal, session);
        if (model.needsProdConfirmation()) {
            Optional<String> typed = Dialogs.confirmProd(window(), model.prodQuestion(question), "");
            typed.ifPresent(name -> model.signal(session, signal, name));
        } else if (Dialogs.confirm(window(), question)) {
            model.signal(session, signal, null);
        }
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Node panel(Label title, Node legend, LineChart<Number, Number> chart) {
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(2, title, legend, chart);
        box.getStyleClass().add("kpi-panel");
        box.setMinHeight(0);
        return box;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public String title() {
        return "Server";
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
}
