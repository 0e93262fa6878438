package dev.snowpulse.cli;

import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.schema.DemoQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "queries", mixinStandardHelpOptions = true,
        description = "The seed project's reports: inventory snapshot, top customers by spend, sales by category (all time).")
final class QueriesCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--limit", defaultValue = "5", description = "How many top customers (default: ${DEFAULT-VALUE})")
    int limit;

    QueriesCommand(CliContext context) {
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
            writer.write(new DemoQueries(endpoint).all(limit), context.out());
        } catch (java.sql.SQLException e) {
            throw CliProfiles.databaseFailure("queries", e);
        }
        return Cli.OK;
    }
}
