package dev.snowpulse.cli;

import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.server.ActivitySnapshot;
import dev.snowpulse.server.ServerReader;
import dev.snowpulse.server.ServerReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "statements", mixinStandardHelpOptions = true,
        description = {"The top statements of pg_stat_statements in the profile's database since its last reset, by total "
                + "time: calls, total and mean time, rows, shared blocks hit and read. Where the extension is missing, says "
                + "how to enable it (exit 1)."})
final class StatementsCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", description = "How many statements (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    StatementsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat writer = ReportFormat.of(format);
        if (limit < 1) {
            throw new IllegalArgumentException("--limit: must be 1 or more");
        }
        var endpoint = CliProfiles.postgres(context, CliProfiles.chosen(context, spec, null));
        ActivitySnapshot now;
        try (ServerReader reader = new ServerReader(endpoint)) {
            now = reader.read(Duration.ofSeconds(10));
        } catch (java.sql.SQLException e) {
            throw CliProfiles.databaseFailure("reading pg_stat_statements", e);
        }
        if (!now.statements().available()) {
            throw new CliFailure(now.statements().unavailable());
        }
        writer.write(List.of(ServerReports.statements("Top statements since "
                + (now.statements().statsReset() == null ? "the last reset" : now.statements().statsReset().toString()),
                now.statements().rows().stream().limit(limit).toList())), context.out());
        return Cli.OK;
    }
}
