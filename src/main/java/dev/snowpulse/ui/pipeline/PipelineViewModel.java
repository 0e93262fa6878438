package dev.snowpulse.ui.pipeline;

import dev.snowpulse.pipeline.PipelineSession;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.pipeline.PipelineNames;
import dev.snowpulse.pipeline.PipelineSettings;
import dev.snowpulse.pipeline.task.RunCost;
import dev.snowpulse.pipeline.deploy.DeployPlan;
import dev.snowpulse.pipeline.deploy.SqlStatement;
import dev.snowpulse.pipeline.StreamInfo;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskStatus;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.format.Durations;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.Ticker;
import dev.snowpulse.ui.common.GuardedActions;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Pipeline tab: deploy, start, stop and generate now on the active profile (Snowflake, or the pipeline on
 * PostgreSQL for a Postgres profile such as the Local demo); the task graph of any
 * schema with its history, the streams and the rows per layer, refreshed every 10 s while the tab is shown.
 * Every control goes through the prod guard.
 */
public final class PipelineViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ShellViewModel shell;
    private final PipelineSession session;
    private final GuardedActions guard;
    private final Background background;
    private final Ticker ticker;

    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty updated = new SimpleStringProperty("");
    private final BooleanProperty usable = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    // known to be missing here: Start, Stop and Generate wait for a deploy, and Deploy is the next step
    private final BooleanProperty notDeployed = new SimpleBooleanProperty();
    // read and found here: until then (or after a failed read) nothing is offered that assumes it
    private final BooleanProperty deployed = new SimpleBooleanProperty();
    private final StringProperty taskSchema = new SimpleStringProperty("");
    private final StringProperty streamSchema = new SimpleStringProperty("");
    private final BooleanProperty errorsOnly = new SimpleBooleanProperty();
    private final ObservableList<TaskStatus> tasks = FXCollections.observableArrayList();
    private final ObjectProperty<TaskStatus> selectedTask = new SimpleObjectProperty<>();
    private final ObservableList<TaskRun> history = FXCollections.observableArrayList();
    private final ObservableList<StreamInfo> streams = FXCollections.observableArrayList();
    private final ObservableList<LayerCount> summary = FXCollections.observableArrayList();
    private final ObservableList<String> deployLog = FXCollections.observableArrayList();
    private final DoubleProperty deployProgress = new SimpleDoubleProperty(0);
    private final StringProperty customerEvents = new SimpleStringProperty(Integer.toString(EventCounts.defaults().customer()));
    private final StringProperty purchaseEvents = new SimpleStringProperty(Integer.toString(EventCounts.defaults().purchase()));
    private final StringProperty marketingEvents = new SimpleStringProperty(Integer.toString(EventCounts.defaults().marketing()));
    private final StringProperty supplyChainEvents = new SimpleStringProperty(Integer.toString(EventCounts.defaults().supplyChain()));
    private final ObjectProperty<DeployPlan> plan = new SimpleObjectProperty<>();
    private final StringProperty cost = new SimpleStringProperty("");

    private boolean active;
    private boolean refreshing;

    public PipelineViewModel(ShellViewModel shell, PipelineSession session, ProdGuard prodGuard, Background background, Ticker ticker) {
        this.shell = shell;
        this.session = session;
        this.guard = new GuardedActions(shell, prodGuard);
        this.background = background;
        this.ticker = ticker;
        shell.activeProfileProperty().addListener((obs, old, now) -> profileChanged());
        profileChanged();
    }

    private void profileChanged() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        tasks.clear();
        history.clear();
        streams.clear();
        summary.clear();
        deployLog.clear();
        plan.set(null);
        cost.set("");
        selectedTask.set(null);
        error.set("");
        message.set("");
        updated.set("");
        notDeployed.set(false);
        deployed.set(false);
        if (profile == null) {
            usable.set(false);
            target.set("No active profile");
            message.set("Pick a profile in the Connections tab.");
            return;
        }
        usable.set(true);
        PipelineNames names = names(profile);
        target.set(profile.name() + " · " + profile.connection().summary() + " · " + (profile.connection() instanceof SnowflakeSettings
                ? names.database() : "pipeline on PostgreSQL"));
        taskSchema.set(names.controlPath());
        streamSchema.set(names.controlPath());
        if (active) {
            refresh();
        }
    }

    private static PipelineNames names(ConnectionProfile profile) {
        return switch (profile.connection()) {
            case SnowflakeSettings sf -> PipelineSettings.forProfile(sf).names();
            case dev.snowpulse.profile.PostgresSettings pg -> PipelineSettings.forLocal(pg.database(), null).names();
        };
    }

    public void activate() {
        active = true;
        refresh();
        ticker.start(this::refresh);
    }

    public void deactivate() {
        active = false;
        ticker.stop();
    }

    /** Tasks with their last and next runs, history, streams and rows per layer; a slow refresh skips the next tick. */
    public void refresh() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (!usable.get() || refreshing || profile == null) {
            return;
        }
        refreshing = true;
        String tasksIn = taskSchema.get();
        String streamsIn = streamSchema.get();
        boolean failedOnly = errorsOnly.get();
        background.run("refresh the pipeline", () -> session.call(profile, g -> new Refresh(g.overview(tasksIn, failedOnly),
                g.streams(streamsIn), summaryOrEmpty(g, tasksIn))), refresh -> {
            if (profile != shell.activeProfileProperty().get()) {
                return;
            }
            String selected = selectedTask.get() == null ? null : selectedTask.get().task().name();
            tasks.setAll(refresh.overview().tasks());
            cost.set(RunCost.of(tasks).map(c -> "Each run of " + c.task() + ": " + c.describe()).orElse(""));
            selectedTask.set(tasks.stream().filter(t -> t.task().name().equals(selected)).findFirst().orElse(null));
            history.setAll(refresh.overview().history());
            streams.setAll(refresh.streams());
            summary.setAll(refresh.summary());
            updated.set("Updated " + LocalTime.now().format(CLOCK));
            error.set("");
            notDeployed.set(false);
            deployed.set(true);
            if (NOT_DEPLOYED.equals(message.get())) {
                message.set("");
            }
        }, failure -> {
            if (profile != shell.activeProfileProperty().get()) {
                return;
            }
            deployed.set(false);
            if (dev.snowpulse.pipeline.PipelineException.notDeployed(failure)) {
                error.set("");
                notDeployed.set(true);
                message.set(NOT_DEPLOYED);
            } else {
                notDeployed.set(false);
                error.set(Failures.firstLine(failure));
            }
        }).onFinished(() -> refreshing = false);
    }

    /** What a database without the pipeline shows: the Local demo's first view, so a state to act on, not an error. */
    static final String NOT_DEPLOYED = "The pipeline is not deployed in this database yet: Deploy creates its schemas, "
            + "tables, change feed and tasks.";

    /** DATA_SUMMARY belongs to the retail pipeline; a generic schema (another task graph) has none. */
    private List<LayerCount> summaryOrEmpty(dev.snowpulse.pipeline.PipelineGateway gateway, String schema)
            throws dev.snowpulse.pipeline.PipelineException {
        return schema.equalsIgnoreCase(gateway.names().controlPath()) ? gateway.summary() : List.of();
    }

    private record Refresh(dev.snowpulse.pipeline.task.TaskOverview overview, List<StreamInfo> streams, List<LayerCount> summary) {
    }

    public boolean needsProdConfirmation() {
        return guard.needsConfirmation();
    }

    public String prodQuestion(String action) {
        return guard.question(action);
    }

    /** Reads what a deploy would change, without changing anything; the plan is shown until applied or discarded. */
    public void planDeploy() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (!usable.get() || profile == null) {
            error.set("Pick a profile in the Connections tab first.");
            return;
        }
        error.set("");
        message.set("");
        busy.set(true);
        background.run("plan the deploy", () -> session.call(profile, g -> g.plan()), planned -> {
            busy.set(false);
            if (profile != shell.activeProfileProperty().get()) {
                return;
            }
            plan.set(planned);
            deployProgress.set(0);
            // the header names the database; the plan's lines need not repeat it
            String database = names(profile).database() + ".";
            deployLog.setAll(planned.lines().stream().map(line -> line.replace(database, "")).toList());
            message.set(planned.changesNothing() ? "The deploy plan changes nothing here."
                    : "Deploy plan ready: " + planned.changes().size() + " changes, listed under Deploy. Apply them, or Discard.");
        }, this::failed);
    }

    public void discardPlan() {
        plan.set(null);
        deployLog.clear();
        message.set("");
    }

    /** Sends the plan on screen, through the prod guard. */
    public void deploy(String typedName) {
        DeployPlan planned = plan.get();
        if (planned == null) {
            error.set("Plan the deploy first (Deploy…), then apply the plan.");
            return;
        }
        ConnectionProfile profile = allowed("Deploying the pipeline", typedName).orElse(null);
        if (profile == null) {
            return;
        }
        plan.set(null);
        deployLog.clear();
        deployProgress.set(0);
        busy.set(true);
        background.run("deploy the pipeline", () -> session.call(profile, g -> g.deploy(planned, new DeployListener() {
            @Override
            public void finished(int index, int total, SqlStatement statement, Duration took) {
                String line = String.format(Locale.ROOT, "%d/%d  %s  (%s)", index + 1, total, statement.summary(), Durations.format(took));
                background.onUi(() -> {
                    deployLog.add(line);
                    deployProgress.set((index + 1) / (double) total);
                });
            }
        })), report -> {
            busy.set(false);
            done(report);
        }, this::failed);
    }

    private void done(DeployReport report) {
        if (report.ok()) {
            message.set(report.describe());
            refresh();
        } else {
            if (report.failedStatement() != null) {
                deployLog.add("FAILED  " + report.failedStatement().location() + "  " + report.failedStatement().summary());
            }
            error.set(report.describe());
        }
    }

    public void start(String typedName) {
        control("Starting the pipeline", typedName, g -> g.start());
    }

    public void stop(String typedName) {
        control("Stopping the pipeline", typedName, g -> g.stop());
    }

    /** One generation run with the four counts typed in; a bad count is named and nothing is sent. */
    public void generate(String typedName) {
        EventCounts counts;
        try {
            counts = new EventCounts(count(customerEvents, "customer events"), count(purchaseEvents, "purchase events"),
                    count(marketingEvents, "marketing events"), count(supplyChainEvents, "supply chain events"));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        control("Generating pipeline data", typedName, g -> g.generate(counts));
    }

    private static int count(StringProperty text, String field) {
        return dev.snowpulse.validation.Checks.wholeNumber(field, field, text.get());
    }

    public void resume(String typedName) {
        taskControl("Resuming", typedName, (g, task) -> { g.resume(task); return "resumed " + task; });
    }

    public void suspend(String typedName) {
        taskControl("Suspending", typedName, (g, task) -> { g.suspend(task); return "suspended " + task; });
    }

    public void execute(String typedName) {
        taskControl("Running", typedName, (g, task) -> { g.execute(task); return "started a run of the graph of " + task; });
    }

    public void retryLast(String typedName) {
        taskControl("Retrying", typedName, (g, task) -> { g.retryLast(task); return "retried the last run of the graph of " + task; });
    }

    private interface TaskCall {
        String run(dev.snowpulse.pipeline.PipelineGateway gateway, String task) throws dev.snowpulse.pipeline.PipelineException;
    }

    private void taskControl(String verb, String typedName, TaskCall call) {
        TaskStatus selected = selectedTask.get();
        if (selected == null) {
            error.set("Pick a task in the graph first.");
            return;
        }
        String task = selected.task().name();
        control(verb + " task " + task, typedName, g -> call.run(g, task));
    }

    private void control(String action, String typedName, PipelineSession.Call<String> call) {
        ConnectionProfile profile = allowed(action, typedName).orElse(null);
        if (profile == null) {
            return;
        }
        busy.set(true);
        background.run(action, () -> session.call(profile, call), result -> {
            busy.set(false);
            message.set(result);
            refresh();
        }, this::failed);
    }

    private Optional<ConnectionProfile> allowed(String action, String typedName) {
        error.set("");
        message.set("");
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (!usable.get() || profile == null) {
            error.set("Pick a profile in the Connections tab first.");
            return Optional.empty();
        }
        return guard.allowed(profile, action, typedName, error::set) ? Optional.of(profile) : Optional.empty();
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(Failures.firstLine(failure));
    }

    public void select(TaskStatus task) {
        selectedTask.set(task);
    }

    public StringProperty targetProperty() { return target; }
    public StringProperty messageProperty() { return message; }
    public StringProperty errorProperty() { return error; }
    public StringProperty updatedProperty() { return updated; }
    public BooleanProperty usableProperty() { return usable; }
    public BooleanProperty busyProperty() { return busy; }
    public javafx.beans.property.ReadOnlyBooleanProperty notDeployedProperty() { return notDeployed; }
    /** The last refresh read the pipeline here: Start, Stop and Generate have something to act on. */
    public javafx.beans.property.ReadOnlyBooleanProperty deployedProperty() { return deployed; }
    public StringProperty taskSchemaProperty() { return taskSchema; }
    public StringProperty streamSchemaProperty() { return streamSchema; }
    public BooleanProperty errorsOnlyProperty() { return errorsOnly; }
    public ObservableList<TaskStatus> tasks() { return tasks; }
    public ObjectProperty<TaskStatus> selectedTaskProperty() { return selectedTask; }
    public ObservableList<TaskRun> history() { return history; }
    public ObservableList<StreamInfo> streams() { return streams; }
    public ObservableList<LayerCount> summary() { return summary; }
    public ObservableList<String> deployLog() { return deployLog; }
    public ObjectProperty<DeployPlan> planProperty() { return plan; }
    public StringProperty costProperty() { return cost; }
    public DoubleProperty deployProgressProperty() { return deployProgress; }
    public StringProperty customerEventsProperty() { return customerEvents; }
    public StringProperty purchaseEventsProperty() { return purchaseEvents; }
    public StringProperty marketingEventsProperty() { return marketingEvents; }
    public StringProperty supplyChainEventsProperty() { return supplyChainEvents; }
}
