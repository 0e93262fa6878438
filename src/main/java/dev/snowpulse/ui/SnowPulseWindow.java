package dev.snowpulse.ui;

import dev.snowpulse.ui.shell.UiSettingsStore;
import dev.snowpulse.ui.shell.UiSettings;
import dev.snowpulse.ui.shell.ShellView;
import dev.snowpulse.ui.common.Theme;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.AppServices;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.store.ProfileFileWatcher;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.FxFrameSteps;
import dev.snowpulse.ui.common.FxTicker;
import dev.snowpulse.ui.common.LazyTab;
import dev.snowpulse.ui.common.TabContent;
import dev.snowpulse.ui.connections.ConnectionsView;
import dev.snowpulse.ui.connections.ConnectionsViewModel;
import dev.snowpulse.ui.connections.DriverViewModel;
import dev.snowpulse.ui.common.Dialogs;
import dev.snowpulse.ui.pipeline.AuditView;
import dev.snowpulse.ui.pipeline.AuditViewModel;
import dev.snowpulse.pipeline.PipelineSession;
import dev.snowpulse.ui.pipeline.PipelineView;
import dev.snowpulse.ui.pipeline.PipelineViewModel;
import dev.snowpulse.ui.pipeline.ReferenceViewModel;
import dev.snowpulse.pipeline.local.SchedulerHost;
import dev.snowpulse.ui.schema.SchemaView;
import dev.snowpulse.ui.kpis.KpiView;
import dev.snowpulse.ui.server.ServerView;
import dev.snowpulse.ui.server.ServerViewModel;
import dev.snowpulse.ui.kpis.KpiViewModel;
import dev.snowpulse.ui.schema.SchemaViewModel;
import dev.snowpulse.ui.workload.IngestViewModel;
import dev.snowpulse.ui.workload.RunHistoryViewModel;
import dev.snowpulse.ui.workload.WorkloadForm;
import dev.snowpulse.ui.workload.WorkloadView;
import dev.snowpulse.ui.workload.ServerStripViewModel;
import dev.snowpulse.ui.workload.WorkloadViewModel;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.util.List;

/** Builds the main window from the shared services and remembers its size, position, theme and profile. */
public final class SnowPulseWindow {

    private final AppServices services;
    private final UiSettingsStore settingsStore;
    private final ShellViewModel shell;
    private final ConnectionsViewModel connections;
    private final ShellView view;
    private Stage stage;
    private ProfileFileWatcher profilesWatcher;

    private final UiSettings settings;
    private final PipelineSession pipelineSession;
    private final SchedulerHost scheduler;

    /** Task states and history refresh this often while the Pipeline tab is shown. */
    /** How often profiles.json is checked for outside changes when the OS's file events say nothing. */
    private static final java.time.Duration PROFILES_CHECK = java.time.Duration.ofSeconds(2);
    private static final java.time.Duration PIPELINE_REFRESH = java.time.Duration.ofSeconds(10);

    /** How often the UI samples running work: 4 Hz, whatever the rate of orders behind it. */
    private static final java.time.Duration SAMPLE_PERIOD = java.time.Duration.ofMillis(250);

    /** Reads settings.json itself: for callers already off the FX thread, or tests. */
    public SnowPulseWindow(AppServices services, Background background) {
        this(services, background, new UiSettingsStore(services.directories().settingsFile()).load());
    }

    public SnowPulseWindow(AppServices services, Background background, UiSettings settings) {
        this.services = services;
        this.settings = settings;
        this.settingsStore = new UiSettingsStore(services.directories().settingsFile());
        ConnectionChecks checks = new ConnectionChecks(services.connections(), services.secrets().session(), background);
        this.shell = new ShellViewModel(checks);
        this.connections = new ConnectionsViewModel(services.profiles(), services.host(), services.secrets().keychain(),
                services.prodGuard(), checks, shell, background);
        this.pipelineSession = new PipelineSession(services.connections());
        this.scheduler = new SchedulerHost(services.connections());
        shell.activeProfileProperty().addListener((obs, old, now) -> scheduler.follow(now));
        List<TabContent> tabs = List.of(
                new ConnectionsView(connections, new DriverViewModel(services.connections().snowflakeDriver(), background, shell::retryFailed)),
                new LazyTab("Schema", () -> new SchemaView(
                        new SchemaViewModel(shell, services.connections(), services.prodGuard(), background), shell)),
                new LazyTab("Workload", () -> workloadTab(background)),
                new LazyTab("KPIs", () -> new KpiView(new KpiViewModel(shell, services.connections(), background, FxTicker::new), new FxFrameSteps())),
                new LazyTab("Server", () -> new ServerView(new ServerViewModel(shell, services.connections(), services.prodGuard(),
                        background, FxTicker::new))),
                new LazyTab("Pipeline", () -> new PipelineView(new PipelineViewModel(shell, pipelineSession, services.prodGuard(),
                        background, new FxTicker(PIPELINE_REFRESH)),
                        new ReferenceViewModel(shell, pipelineSession, services.prodGuard(), background), shell)),
                new LazyTab("Audit", () -> new AuditView(new AuditViewModel(shell, pipelineSession, background))));
        this.view = new ShellView(shell, tabs);
        checks.setPrompter((profile, reason) -> Dialogs.askSecret(stage, "Password for " + profile.name(), reason));
    }

    private TabContent workloadTab(Background background) {
        WorkloadForm form = new WorkloadForm();
        RunHistoryViewModel history = new RunHistoryViewModel(shell, services.connections(), background);
        WorkloadViewModel run = new WorkloadViewModel(shell, services.connections(), services.prodGuard(), background,
                new FxTicker(SAMPLE_PERIOD), form, history);
        IngestViewModel ingest = new IngestViewModel(shell, services.connections(), services.prodGuard(), background,
                new FxTicker(SAMPLE_PERIOD), form);
        ServerStripViewModel strip = new ServerStripViewModel(services.connections(), background, FxTicker::new,
                run.watchedRunProperty(), run.intervalProperty(), new dev.snowpulse.app.ProcessCpu());
        return new WorkloadView(run, ingest, history, strip, shell);
    }

    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(view.root(), settings.width(), settings.height());
        dev.snowpulse.ui.common.FocusAfterDisable.install(scene);
        shell.themeProperty().addListener((obs, old, now) -> applyTheme(scene, now));
        shell.setThemeFrom(settings.theme());
        applyTheme(scene, shell.themeProperty().get());
        stage.setScene(scene);
        stage.setTitle("SnowPulse");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        var icon = SnowPulseWindow.class.getResourceAsStream("/dev/snowpulse/ui/snowpulse-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        place(stage, settings);
        stage.setOnCloseRequest(e -> {
            if (connections.hasUnsavedChanges()
                    && !Dialogs.confirm(stage, "Close SnowPulse and discard the unsaved changes to " + connections.unsavedName() + "?")) {
                e.consume();
            }
        });
        profilesWatcher = ProfileFileWatcher.start(services.profiles().store(), PROFILES_CHECK);
        shell.activeProfileProperty().addListener((obs, old, now) ->
                stage.setTitle(now == null ? "SnowPulse" : "SnowPulse — " + now.name() + " (" + now.environment().label() + ")"));
        services.profiles().store().problem().ifPresent(p -> shell.setNotice(p.message()));

        String last = settings.activeProfile() != null ? settings.activeProfile() : ProfileCatalog.LOCAL_DEMO;
        connections.load(last);
        stage.show();
        view.start();
        ConnectionProfile initial = services.profiles().find(last).orElse(services.profiles().localDemo());
        shell.connect(initial);
    }

    public ShellViewModel shell() {
        return shell;
    }

    /** Stops the tab on screen and remembers the window; called when the window closes. */
    public void close() {
        view.stop();
        if (profilesWatcher != null) {
            profilesWatcher.close();
        }
        Thread.ofVirtual().name("close-pipeline-session").start(pipelineSession::close);
        scheduler.close();
        if (stage == null) {
            return;
        }
        ConnectionProfile active = shell.activeProfileProperty().get();
        // a maximised window keeps the size it had before, to return to when un-maximised
        UiSettings now = new UiSettings(stage.getX(), stage.getY(),
                stage.isMaximized() ? settings.width() : stage.getWidth(),
                stage.isMaximized() ? settings.height() : stage.getHeight(),
                stage.isMaximized(), shell.themeProperty().get(), active == null ? null : active.name());
        try {
            settingsStore.save(now);
        } catch (IOException e) {
            // only the window position is lost
            java.util.logging.Logger.getLogger(SnowPulseWindow.class.getName()).warning("window settings not saved: " + e);
        }
    }

    private static void place(Stage stage, UiSettings settings) {
        if (settings.x() != null && settings.y() != null) {
            Rectangle2D bounds = new Rectangle2D(settings.x(), settings.y(), settings.width(), settings.height());
            boolean visible = Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(bounds));
            if (visible) {
                stage.setX(settings.x());
                stage.setY(settings.y());
            }
        }
        stage.setMaximized(settings.maximized());
    }

    private static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheet());
        if (theme == Theme.DARK) {
            scene.getStylesheets().add(Theme.DARK.stylesheet());
        }
    }
}
