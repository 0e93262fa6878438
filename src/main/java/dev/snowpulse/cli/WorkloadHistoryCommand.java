package dev.snowpulse.cli;

import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.workload.WorkloadHistory;
import dev.snowpulse.workload.WorkloadRunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The newest workload runs recorded in workload_runs on the profile's database, as the Workload tab lists them.",
                "csv and json carry every column, for export."})
final class WorkloadHistoryCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", description = "How many runs, newest first (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    WorkloadHistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat writer = ReportFormat.of(format);
        if (limit < 1) {
            throw new IllegalArgumentException("--limit: must be 1 or more");
        }
        var endpoint = CliProfiles.postgres(context, CliProfiles.chosen(context, spec, null));
        try {
            List<WorkloadRunRecord> runs = new WorkloadHistory(endpoint).recent(limit);
            writer.write(List.of(writer == ReportFormat.TABLE ? WorkloadRunRecord.summary(runs) : WorkloadRunRecord.table(runs)), context.out());
        } catch (java.sql.SQLException e) {
            throw CliProfiles.databaseFailure("reading the workload history", e);
        }
        return Cli.OK;
    }
}
