package dev.snowpulse.ui.pipeline;

import dev.snowpulse.pipeline.PipelineSession;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.format.ReportTable;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.PipelineReports;
import dev.snowpulse.pipeline.audit.RunComparison;
import dev.snowpulse.pipeline.audit.RunSnapshot;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The Audit tab: generation runs newest first, one run's reference snapshot, and two runs compared row by row.
 * Loaded when the tab is shown and on Refresh; exports write CSV or JSON off the FX thread.
 */
public final class AuditViewModel {

    public static final int RUNS = 200;

    private final ShellViewModel shell;
    private final PipelineSession session;
    private final Background background;

    private final ObservableList<AuditRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<RunComparison> comparison = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public AuditViewModel(ShellViewModel shell, PipelineSession session, Background background) {
        this.shell = shell;
        this.session = session;
        this.background = background;
        shell.activeProfileProperty().addListener((obs, old, now) -> {
            runs.clear();
            snapshot.set(null);
            comparison.set(null);
        });
    }

    public void refresh() {
        ConnectionProfile profile = profile();
        if (profile == null) {
            return;
        }
        background.run("read the generation audit", () -> session.call(profile, g -> g.auditRuns(RUNS)), found -> {
            runs.setAll(found);
            error.set("");
            message.set(found.isEmpty() ? "No generation runs yet: generate data in the Pipeline tab." : "");
        }, failure -> {
            if (dev.snowpulse.pipeline.PipelineException.notDeployed(failure)) {
                error.set("");
                message.set("No generation runs: the pipeline is not deployed in this database yet (Deploy, in the Pipeline tab).");
            } else {
                error.set(Failures.firstLine(failure));
            }
        });
    }

    public void showSnapshot(AuditRun run) {
        ConnectionProfile profile = profile();
        if (profile == null || run == null) {
            snapshot.set(null);
            return;
        }
        background.run("read run " + run.runId(), () -> session.call(profile, g -> g.snapshot(run.runId())), snapshot::set,
                failure -> error.set(Failures.firstLine(failure)));
    }

    /** Compares the older of the two runs with the newer, whichever order they were picked in. */
    public void compare(AuditRun first, AuditRun second) {
        ConnectionProfile profile = profile();
        if (profile == null) {
            return;
        }
        if (first == null || second == null || first.runId().equals(second.runId())) {
            error.set("Pick two different runs to compare (Ctrl+click the second).");
            return;
        }
        AuditRun before = first.runTime().isAfter(second.runTime()) ? second : first;
        AuditRun after = before == first ? second : first;
        background.run("compare runs", () -> session.call(profile, g -> g.compare(before.runId(), after.runId())), result -> {
            comparison.set(result);
            error.set("");
            int changed = result.changedTables().size();
            message.set(changed == 0 ? "The two runs used the same reference data."
                    : changed + " reference table" + (changed == 1 ? "" : "s") + " changed between the two runs.");
        }, failure -> error.set(Failures.firstLine(failure)));
    }

    public void exportRuns(Path file, ReportFormat format) {
        export(file, format, PipelineReports.auditRuns(List.copyOf(runs)));
    }

    public void exportComparison(Path file, ReportFormat format) {
        RunComparison shown = comparison.get();
        if (shown == null) {
            error.set("Compare two runs first.");
            return;
        }
        export(file, format, PipelineReports.comparison(shown));
    }

    private void export(Path file, ReportFormat format, ReportTable table) {
        background.run("export " + file.getFileName(), () -> {
            format.export(table, file);
            return table.rows().size();
        }, rows -> message.set("Exported " + rows + " rows to " + file), failure -> error.set(Failures.firstLine(failure)));
    }

    private ConnectionProfile profile() {
        return shell.activeProfileOr(error::set);
    }

    public ObservableList<AuditRun> runs() { return runs; }
    public ObjectProperty<RunSnapshot> snapshotProperty() { return snapshot; }
    public ObjectProperty<RunComparison> comparisonProperty() { return comparison; }
    public StringProperty messageProperty() { return message; }
    public StringProperty errorProperty() { return error; }
}
