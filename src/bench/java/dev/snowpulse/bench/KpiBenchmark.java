package dev.snowpulse.bench;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.schema.SchemaService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.snowpulse.bench.BenchSql.env;
import static dev.snowpulse.bench.BenchSql.execute;

/**
 * KPI read cost as history grows, and what the KPI design costs writers, measured side by side in one run.
 * Run through src/bench/kpi-benchmark.sh (it builds SnowPulse and creates the benchmark database).
 */
public final class KpiBenchmark {

    private static final int RECENT_24H = 3_334;          // a 100k dataset spread evenly over 30 days holds this many per day
    private static final long[] SIZES = {100_000, 1_000_000, 10_000_000};
    private static final int[] WINDOWS = {15, 1440};
    private static final int WARMUP = 20;
    private static final int SAMPLES = 200;
    private static final int CHUNK = 1_000_000;
    private static final int WRITER_ROUNDS = 8;

    private record Call(String name, String sql) {
    }

    private static final List<Call> DASHBOARD = List.of(
            new Call("summary", "select * from fn_summary_kpis(?, null)"),
            new Call("sales_by_category", "select * from fn_sales_by_category(?, null)"),
            new Call("inventory", "select * from fn_inventory_snapshot(null)"),
            new Call("recent_orders", "select * from fn_recent_orders(?, 10, null)"),
            new Call("timeseries", "select * from fn_revenue_timeseries(?, null)"),
            new Call("top_customers", "select * from fn_top_customers(?, 5, null)"));

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "snowpulse_bench";
        int pgbenchSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PostgresSettings settings = new PostgresSettings(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                database, env("PGUSER", "postgres"), SslMode.PREFER, null, "snowpulse-bench", SecretRef.of(SecretSource.ENVIRONMENT));
        PostgresEndpoint endpoint = new PostgresEndpoint(settings,
                Optional.ofNullable(System.getenv("PGPASSWORD")).map(dev.snowpulse.profile.secret.Secret::new));

        System.out.println("SnowPulse KPI benchmark on " + settings.summary() + " (" + serverVersion(endpoint) + ")");
        new SchemaService(endpoint).initialize(event -> { });
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute("select reset_demo_data(1000000000)");
            s.execute(Files.readString(Path.of("src/bench/sql/generator.sql")));
        }

        // writers first, while the cluster is quiet: a 10M-row load leaves checkpoints and autovacuum running
        writers(endpoint, settings, pgbenchSeconds);

        Map<Long, Map<Integer, Map<String, Double>>> results = new LinkedHashMap<>();
        long loaded = 0;
        for (long size : SIZES) {
            long start = System.nanoTime();
            long history = size - RECENT_24H - loaded;
            for (long done = 0; done < history; done += CHUNK) {
                execute(endpoint, "select bench_add_orders(" + Math.min(CHUNK, history - done) + ", interval '24 hours', interval '30 days')");
            }
            loaded = size - RECENT_24H;
            execute(endpoint, "select bench_reset_recent(" + RECENT_24H + ")");
            execute(endpoint, "vacuum analyze");
            System.out.printf(Locale.ROOT, "%nloaded %,d orders (%,d in the last 24 h) in %.1f s%n", count(endpoint),
                    RECENT_24H, (System.nanoTime() - start) / 1e9);
            results.put(size, measure(endpoint));
        }
        report(results);
    }

    private static Map<Integer, Map<String, Double>> measure(PostgresEndpoint endpoint) throws SQLException {
        Map<Integer, Map<String, Double>> byWindow = new LinkedHashMap<>();
        try (Connection c = endpoint.connect()) {
            for (int window : WINDOWS) {
                Map<String, Double> medians = new LinkedHashMap<>();
                List<PreparedStatement> statements = new ArrayList<>();
                for (Call call : DASHBOARD) {
                    PreparedStatement s = c.prepareStatement(call.sql());
                    if (call.sql().contains("?")) {
                        s.setInt(1, window);
                    }
                    statements.add(s);
                }
                for (int i = 0; i < DASHBOARD.size(); i++) {
                    medians.put(DASHBOARD.get(i).name(), medianMillis(List.of(statements.get(i))));
                }
                medians.put("full_refresh", medianMillis(statements));
                for (PreparedStatement s : statements) {
                    s.close();
                }
                byWindow.put(window, medians);
            }
        }
        return byWindow;
    }

    /** Median wall time of running the statements one after another and reading every row, as a refresh does. */
    private static double medianMillis(List<PreparedStatement> statements) throws SQLException {
        double[] samples = new double[SAMPLES];
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            long start = System.nanoTime();
            for (PreparedStatement s : statements) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
            if (i >= WARMUP) {
                samples[i - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(samples);
        return samples[SAMPLES / 2];
    }

    private static void report(Map<Long, Map<Integer, Map<String, Double>>> results) {
        List<String> names = new ArrayList<>(DASHBOARD.stream().map(Call::name).toList());
        names.add("full_refresh");
        System.out.println();
        System.out.println("Median milliseconds per call (JDBC round trip, all rows read); " + SAMPLES + " samples after " + WARMUP + " warm-up");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s %-7s", "orders", "window"));
        names.forEach(n -> header.append(String.format(Locale.ROOT, " %17s", n)));
        System.out.println(header);
        results.forEach((size, byWindow) -> byWindow.forEach((window, medians) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %-7s", label(size), window == 15 ? "15 min" : "24 h"));
            names.forEach(n -> line.append(String.format(Locale.ROOT, " %17.3f", medians.get(n))));
            System.out.println(line);
        }));

        System.out.println();
        long smallest = SIZES[0];
        long largest = SIZES[SIZES.length - 1];
        for (int window : WINDOWS) {
            double small = results.get(smallest).get(window).get("full_refresh");
            double large = results.get(largest).get(window).get("full_refresh");
            double target = window == 15 ? 10 : 50;
            System.out.printf(Locale.ROOT, "full refresh, %-6s: %s %.2f ms, %s %.2f ms, ratio %.2fx (target <= 2.00x); %.2f ms vs target %.0f ms: %s%n",
                    window == 15 ? "15 min" : "24 h", label(largest), large, label(smallest), small, large / small, large, target,
                    large <= target && large / small <= 2.0 ? "MET" : "MISSED");
        }
    }

    /**
     * pgbench at 1, 8 and 32 clients against fresh databases: SnowPulse's schema, and twice the same schema minus
     * the KPI design (src/bench/sql/without_kpi_design.sql). Each round runs all three, in an order that changes
     * every round, after a checkpoint; the result is the median of the per-round ratios. The second copy without
     * the design gives the noise floor: single runs on two cores differ by several percent on their own.
     */
    private static void writers(PostgresEndpoint endpoint, PostgresSettings settings, int seconds) throws Exception {
        PostgresSettings design = freshDatabase(endpoint, settings, settings.database() + "_w_design");
        PostgresSettings bare = freshDatabase(endpoint, settings, settings.database() + "_w_bare");
        PostgresSettings control = freshDatabase(endpoint, settings, settings.database() + "_w_bare2");
        for (PostgresSettings db : List.of(design, bare, control)) {
            PostgresEndpoint e = new PostgresEndpoint(db, endpoint.password());
            new SchemaService(e).initialize(event -> { });
            execute(e, "select reset_demo_data(1000000000)");
        }
        for (PostgresSettings db : List.of(bare, control)) {
            execute(new PostgresEndpoint(db, endpoint.password()), Files.readString(Path.of("src/bench/sql/without_kpi_design.sql")));
        }

        System.out.println("Writers: pgbench -M prepared -T " + seconds + ", select place_order(random customer, random product, 1);"
                + " median of " + WRITER_ROUNDS + " paired rounds");
        System.out.printf(Locale.ROOT, "%-8s %14s %16s %12s %22s%n", "clients", "without tps", "with design tps", "ratio",
                "noise (same vs same)");
        for (int clients : new int[]{1, 8, 32}) {
            double[] ratios = new double[WRITER_ROUNDS];
            double[] noise = new double[WRITER_ROUNDS];
            double[] withTps = new double[WRITER_ROUNDS];
            double[] withoutTps = new double[WRITER_ROUNDS];
            for (int round = 0; round < WRITER_ROUNDS; round++) {
                List<PostgresSettings> order = switch (round % 3) {
                    case 0 -> List.of(bare, control, design);
                    case 1 -> List.of(design, bare, control);
                    default -> List.of(control, design, bare);
                };
                Map<String, Double> tps = new LinkedHashMap<>();
                for (PostgresSettings db : order) {
                    tps.put(db.database(), pgbench(endpoint, db, clients, seconds));
                }
                withTps[round] = tps.get(design.database());
                withoutTps[round] = tps.get(bare.database());
                ratios[round] = withTps[round] / withoutTps[round];
                noise[round] = tps.get(control.database()) / withoutTps[round];
            }
            double ratio = median(ratios);
            System.out.printf(Locale.ROOT, "%-8d %14.0f %16.0f %11.3fx %21.3fx  %s%n", clients, median(withoutTps), median(withTps),
                    ratio, median(noise), ratio >= 0.95 ? "(target >= 0.95x: MET)" : "(target >= 0.95x: MISSED)");
        }
    }

    private static PostgresSettings freshDatabase(PostgresEndpoint endpoint, PostgresSettings settings, String name) throws SQLException {
        execute(endpoint, "drop database if exists " + name + " with (force)");
        execute(endpoint, "create database " + name);
        return new PostgresSettings(settings.host(), settings.port(), name, settings.user(), settings.sslMode(), null,
                settings.applicationName(), settings.password());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double pgbench(PostgresEndpoint admin, PostgresSettings settings, int clients, int seconds)
            throws IOException, InterruptedException, SQLException {
        execute(admin, "checkpoint");
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-h", settings.host(), "-p",
                Integer.toString(settings.port()), "-U", settings.user(), "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds), "-f", "src/bench/pgbench/place_order.sql",
                settings.database());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("pgbench failed:\n" + output);
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!tps.find()) {
            throw new IOException("no tps in pgbench output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String label(long size) {
        return size >= 1_000_000 ? size / 1_000_000 + "M" : size / 1_000 + "k";
    }

    private static long count(PostgresEndpoint endpoint) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String serverVersion(PostgresEndpoint endpoint) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }
}
