package dev.snowpulse.ui.workload;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.workload.RunComparison;
import dev.snowpulse.workload.WorkloadHistory;
import dev.snowpulse.workload.WorkloadRunRecord;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/** Past runs from workload_runs on the active profile's database, and their export as CSV or JSON. */
public final class RunHistoryViewModel {

    static final int LIMIT = 200;

    private final ShellViewModel shell;
    private final ConnectionService connections;
    private final Background background;
    private final ObservableList<WorkloadRunRecord> runs = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    /** Why the runs shown are none: set while the last read failed. */
    private final StringProperty readFailure = new SimpleStringProperty("");
    private long generation;
    private final javafx.beans.property.ObjectProperty<RunComparison> comparison = new javafx.beans.property.SimpleObjectProperty<>();

    public RunHistoryViewModel(ShellViewModel shell, ConnectionService connections, Background background) {
        this.shell = shell;
        this.connections = connections;
        this.background = background;
    }

    /** Reads the newest runs; a later refresh wins over an earlier one still reading. */
    public void refresh() {
        long thisRead = ++generation;
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (profile == null || !(profile.connection() instanceof PostgresSettings)) {
            runs.clear();
            message.set("");
            readFailure.set("");
            return;
        }
        background.run("read workload history", () -> new WorkloadHistory(connections.postgres(profile)).recent(LIMIT), read -> {
            if (thisRead == generation) {
                runs.setAll(read);
                readFailure.set("");
                message.set(read.isEmpty() ? "No runs recorded on " + profile.name() + " yet." : "");
            }
        }, failure -> {
            if (thisRead == generation) {
                String cause = Failures.firstLine(failure);
                runs.clear();
                message.set("Could not read the run history on " + profile.name() + ": " + cause
                        + (cause.contains("workload_runs") ? " (initialise the schema in the Schema tab)" : ""));
                readFailure.set(message.get());
            }
        });
    }

    /**
     * Reads the chosen runs' specs and seconds and sets them side by side, the oldest as the base; the
     * comparison arrives in {@link #comparisonProperty()}, a problem in the message.
     */
    public void compare(List<WorkloadRunRecord> chosen) {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (profile == null || !(profile.connection() instanceof PostgresSettings)) {
            return;
        }
        if (chosen.size() < RunComparison.MIN_RUNS || chosen.size() > RunComparison.MAX_RUNS) {
            message.set("Select " + RunComparison.MIN_RUNS + " to " + RunComparison.MAX_RUNS + " runs to compare (Ctrl+click adds one).");
            return;
        }
        // the oldest is the base: "what changed since"
        List<WorkloadRunRecord> runs = chosen.stream().sorted(java.util.Comparator.comparing(WorkloadRunRecord::startedAt)).toList();
        background.run("compare workload runs", () -> {
            WorkloadHistory history = new WorkloadHistory(connections.postgres(profile));
            List<WorkloadHistory.StoredRun> stored = new java.util.ArrayList<>();
            for (WorkloadRunRecord r : runs) {
                stored.add(history.find(r.runId().toString()));
            }
            return new RunComparison(stored);
        }, comparison::set, failure -> message.set("Could not compare the runs: " + Failures.firstLine(failure)));
    }

    /** The last comparison asked for, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison;
    }

    /** Writes a comparison's tables to a file, CSV or JSON by {@code format}: every figure and change a number. */
    public void exportComparison(RunComparison shown, Path file, ReportFormat format, java.util.function.Consumer<String> done) {
        background.run("export run comparison", () -> {
            try (var out = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8))) {
                format.write(shown.tables(), out);
            }
            return file;
        }, f -> done.accept("Exported the comparison to " + f), failure -> done.accept("Could not export to " + file + ": " + Failures.firstLine(failure)));
    }

    /** Writes the runs listed now to a file, CSV or JSON by {@code format}. */
    public void export(Path file, ReportFormat format) {
        List<WorkloadRunRecord> listed = List.copyOf(runs);
        background.run("export workload history", () -> {
            format.export(WorkloadRunRecord.table(listed), file);
            return listed.size();
        }, n -> message.set("Exported " + n + " runs to " + file),
                failure -> message.set("Could not export to " + file + ": " + Failures.firstLine(failure)));
    }

    public ObservableList<WorkloadRunRecord> runs() {
        return runs;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty readFailureProperty() {
        return readFailure;
    }
}
