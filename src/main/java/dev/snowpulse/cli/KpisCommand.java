package dev.snowpulse.cli;

import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.kpi.KpiQuery;
import dev.snowpulse.kpi.KpiReader;
import dev.snowpulse.kpi.KpiReports;
import dev.snowpulse.kpi.KpiSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = {"The dashboard's KPIs from the Postgres KPI functions.",
                "Summary (with the previous window), sales by category, inventory, revenue and orders per minute, top",
                "customers, recent orders. --watch repeats until Ctrl+C; exit 1 when no refresh succeeded."})
final class KpisCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--window", defaultValue = "15", description = "Window in minutes, ending now (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--category", description = "Only this category (repeat for several; any case); default: all")
    List<String> categories = new ArrayList<>();

    @Option(names = "--limit", defaultValue = "10", description = "Recent orders to list (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--top", defaultValue = "5", description = "Top customers to list (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Refresh every SECONDS until Ctrl+C")
    Integer watch;

    @Option(names = "--count", description = "With --watch: stop after this many refreshes")
    Integer count;

    @Option(names = "--timeout", defaultValue = "10s", description = "Statement timeout per refresh (default: ${DEFAULT-VALUE})")
    String timeout;

    KpisCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat writer = ReportFormat.of(format);
        KpiQuery query = new KpiQuery(window, List.of(), limit, top);
        if (watch != null && watch < 1) {
            throw new IllegalArgumentException("--watch: must be 1 or more seconds");
        }
        if (count != null && (count < 1 || watch == null)) {
            throw new IllegalArgumentException("--count: must be 1 or more, with --watch");
        }
        Duration statementTimeout = dev.snowpulse.format.Durations.parse(timeout, "--timeout");
        var endpoint = CliProfiles.postgres(context, CliProfiles.chosen(context, spec, null));
        PrintWriter out = context.out();
        try (KpiReader reader = new KpiReader(endpoint, "snowpulse-kpis-cli")) {
            if (!categories.isEmpty()) {
                query = query.withCategories(KpiReader.resolve(categories, databaseCall(reader::categories)));
            }
            if (watch == null) {
                KpiQuery chosen = query;
                writer.write(KpiReports.all(databaseCall(() -> reader.read(chosen, statementTimeout))), out);
                return Cli.OK;
            }
            return watch(reader, query, statementTimeout, writer, out);
        }
    }

    private int watch(KpiReader reader, KpiQuery query, Duration statementTimeout, ReportFormat writer, PrintWriter out) throws Exception {
        return WatchLoop.run(context, watch, count, "reading the KPIs", n -> {
            KpiSnapshot s = reader.read(query, statementTimeout);
            if (writer == ReportFormat.TABLE) {
                out.printf(Locale.ROOT, "%s--- %s · %d ms ---%n", n > 1 ? System.lineSeparator() : "",
                        CLOCK.format(s.takenAt()), s.queryTime().toMillis());
            }
            writer.write(KpiReports.all(s), out);
        });
    }

    private interface DatabaseCall<T> {
        T call() throws java.sql.SQLException;
    }

    private static <T> T databaseCall(DatabaseCall<T> call) {
        try {
            return call.call();
        } catch (java.sql.SQLException e) {
            throw CliProfiles.databaseFailure("reading the KPIs", e);
        }
    }
}
