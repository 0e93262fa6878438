package dev.snowpulse.cli;

import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.format.ReportTable;
import dev.snowpulse.server.ActivitySnapshot;
import dev.snowpulse.server.ServerRates;
import dev.snowpulse.server.ServerReader;
import dev.snowpulse.server.ServerReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"What the profile's database is doing, like pg_activity: transactions per second, sessions by state, "
                + "cache hit ratio and top waits, then every other session with its wait, blockers and query; again every "
                + "interval until Ctrl+C (or --count). Rates appear from the second refresh on. --format json prints one "
                + "JSON array of the two tables per refresh."})
final class TopCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1", description = "Seconds between refreshes (default: ${DEFAULT-VALUE})")
    int interval;

    @Option(names = "--count", description = "Stop after this many refreshes")
    Integer count;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    TopCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat writer = ReportFormat.of(format);
        if (interval < 1) {
            throw new IllegalArgumentException("--interval: must be 1 or more seconds");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count: must be 1 or more");
        }
        var endpoint = CliProfiles.postgres(context, CliProfiles.chosen(context, spec, null));
        Duration timeout = Duration.ofSeconds(Math.max(2, Math.min(10, interval)));
        ActivitySnapshot[] previous = new ActivitySnapshot[1];
        try (ServerReader reader = new ServerReader(endpoint)) {
            return WatchLoop.run(context, interval, count, "reading the server's activity", n -> {
                ActivitySnapshot now = reader.read(timeout);
                ServerRates rates = previous[0] == null ? null : ServerRates.between(previous[0], now);
                previous[0] = now;
                if (writer == ReportFormat.TABLE && n > 1) {
                    context.out().println();
                }
                List<ReportTable> tables = ServerReports.top(now, rates);
                boolean table = writer == ReportFormat.TABLE;
                // a table's cell is no place for the sentence that says why the pooler's counts are missing
                writer.write(table && now.pooler().counts() == null ? tables.subList(0, 2) : tables, context.out());
                if (table && !now.hiddenQueriesNote().isEmpty()) {
                    context.out().println("note: " + now.hiddenQueriesNote());
                }
                if (table && now.pooler().pooled()) {
                    context.out().println("pooler: " + now.pooler().summary());
                }
            });
        }
    }
}
