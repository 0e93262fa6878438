package dev.snowpulse.cli;

import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.workload.RunComparison;
import dev.snowpulse.workload.WorkloadHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Two to five runs from workload_runs side by side, the first as the base.",
                "Their specs (differences marked), their figures with the change against the base, and their seconds",
                "on one axis (seconds since each run's start). csv and json for export."})
final class WorkloadCompareCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "RUN", description = "Run ids, or their first characters as `workload history` shows them")
    List<String> runs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--seconds", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Include the second-by-second table (default: ${DEFAULT-VALUE})")
    boolean seconds;

    WorkloadCompareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat writer = ReportFormat.of(format);
        if (runs.size() < RunComparison.MIN_RUNS || runs.size() > RunComparison.MAX_RUNS) {
            throw new IllegalArgumentException("give " + RunComparison.MIN_RUNS + " to " + RunComparison.MAX_RUNS
                    + " runs to compare (got " + runs.size() + "); `snowpulse workload history` lists their ids");
        }
        var endpoint = CliProfiles.postgres(context, CliProfiles.chosen(context, spec, null));
        WorkloadHistory history = new WorkloadHistory(endpoint);
        List<WorkloadHistory.StoredRun> stored = new ArrayList<>();
        try {
            for (String run : runs) {
                stored.add(history.find(run));
            }
        } catch (java.sql.SQLException e) {
            throw CliProfiles.databaseFailure("reading the workload history", e);
        }
        RunComparison comparison = new RunComparison(stored);
        List<dev.snowpulse.format.ReportTable> tables = new ArrayList<>(List.of(comparison.specs()));
        if (writer == ReportFormat.TABLE) {
            tables.add(comparison.figures());
        } else {
            tables.addAll(comparison.figuresForExport());
        }
        if (seconds) {
            tables.add(comparison.seconds());
        }
        writer.write(tables, context.out());
        if (!comparison.withoutSeconds().isEmpty()) {
            context.err().println("snowpulse: note: no second-by-second series for " + String.join(", ", comparison.withoutSeconds())
                    + " (a run from before SnowPulse kept them, one that has not ended, or a database without "
                    + "workload_run_seconds: `snowpulse init` adds it)");
        }
        return Cli.OK;
    }
}
