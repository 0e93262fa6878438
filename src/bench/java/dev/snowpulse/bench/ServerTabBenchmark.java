package dev.snowpulse.bench;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.server.ActivitySnapshot;
import dev.snowpulse.server.BlockingChains;
import dev.snowpulse.server.ServerReader;
import dev.snowpulse.server.StatementWindow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.snowpulse.bench.BenchSql.env;
import static dev.snowpulse.bench.BenchSql.execute;
import static dev.snowpulse.bench.BenchSql.single;

/**
 * What the Server tab costs, measured side by side in one run: (1) writers, pgbench running the place_order script at
 * 8 clients with the tab's polling (every second: the activity read, pg_stat_statements, the blocking chains and the
 * minute's deltas, as the tab does them off the FX thread) and without it, in alternating windows of one run, with a
 * same-vs-same control for the noise; (2) one refresh's time with no other session and with 200 idle ones.
 * Run through src/bench/server-tab-benchmark.sh (it builds SnowPulse and starts a private server).
 */
public final class ServerTabBenchmark {

    private static final int CLIENTS = 8;
    private static final int IDLE_SESSIONS = 200;
    private static final int WARMUP = 30;
    private static final int SAMPLES = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        PostgresSettings admin = settings("postgres");
        execute(endpoint(admin), "create database shop");
        PostgresSettings shop = settings("shop");
        PostgresEndpoint endpoint = endpoint(shop);
        new SchemaService(endpoint).initialize(event -> { });
        execute(endpoint, "create extension pg_stat_statements");
        execute(endpoint, "select reset_demo_data(1000000000)");
        System.out.println("SnowPulse Server tab benchmark on a private PostgreSQL "
                + single(endpoint, "show server_version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        writers(endpoint, shop, cycles, window);
        System.out.println();
        refreshes(endpoint);
    }

    /**
     * One long pgbench run whose seconds fall in windows of {@code window} seconds: without the tab, with it polling,
     * and without it again as the same-vs-same control, three to a cycle in an order that rotates. Within one process
     * the machine's drift from minute to minute cancels out, which paired runs of their own did not achieve (their
     * same-vs-same control differed by several per cent). pgbench's own per-second report (-P 1) gives the rate; the
     * first seconds of each window are left out so a switch does not blur into the next window.
     */
    private static void writers(PostgresEndpoint endpoint, PostgresSettings shop, int cycles, int window) throws Exception {
        int settle = 2;
        if (cycles < 2) {
            throw new IllegalArgumentException("CYCLES must be 2 or more: the confidence interval needs a spread");
        }
        if (window <= settle) {
            throw new IllegalArgumentException("WINDOW must be more than " + settle + " s: its first " + settle + " s are left out");
        }
        int seconds = cycles * 3 * window;
        System.out.printf(Locale.ROOT, "Writers: one pgbench -M prepared -c %d -j 2 -T %d -P 1 run of src/bench/pgbench/place_order.sql, "
                + "in %d cycles of three %d s windows (without the tab, polled every second, without again as the control), "
                + "the first %d s of each window left out%n", CLIENTS, seconds, cycles, window, settle);
        execute(endpoint, "checkpoint");
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-h", shop.host(), "-p",
                Integer.toString(shop.port()), "-U", shop.user(), "-c", Integer.toString(CLIENTS), "-j", "2", "-T",
                Integer.toString(seconds), "-P", "1", "-f", "src/bench/pgbench/place_order.sql", shop.database());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        long startedAt = System.nanoTime();
        List<Long> readNanos = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        StringBuilder output = new StringBuilder();
        double[][] tps = new double[cycles][3];
        int[][] counted = new int[cycles][3];
        try (ServerReader reader = new ServerReader(endpoint)) {
            StatementWindow statements = new StatementWindow(StatementWindow.MINUTE);
            clock.scheduleAtFixedRate(() -> {
                long elapsed = (System.nanoTime() - startedAt) / 1_000_000_000L;
                if (elapsed < seconds && state(elapsed / window) == State.POLLED) {
                    long start = System.nanoTime();
                    try {
                        refresh(reader, statements);
                        readNanos.add(System.nanoTime() - start);
                    } catch (SQLException e) {
                        failures.incrementAndGet();
                    }
                }
            }, 0, 1, TimeUnit.SECONDS);
            Pattern progress = Pattern.compile("progress: ([0-9.]+) s, ([0-9.]+) tps");
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = progress.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    // the second that ends at t began at t - 1
                    long second = Math.round(Double.parseDouble(m.group(1))) - 1;
                    long index = second / window;
                    if (second % window < settle || index >= (long) cycles * 3) {
                        continue;
                    }
                    int cycle = (int) (index / 3);
                    int slot = state(index).ordinal();
                    tps[cycle][slot] += Double.parseDouble(m.group(2));
                    counted[cycle][slot]++;
                }
            }
            if (process.waitFor() != 0) {
                throw new IOException("pgbench failed:\n" + output);
            }
        } finally {
            clock.shutdown();
            clock.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " refreshes failed");
        }
        System.out.printf(Locale.ROOT, "%-6s %12s %12s %12s %12s %12s%n", "cycle", "without tps", "polled tps", "control tps",
                "ratio", "noise");
        double[] ratios = new double[cycles];
        double[] noise = new double[cycles];
        double[][] means = new double[3][cycles];
        for (int cycle = 0; cycle < cycles; cycle++) {
            for (int slot = 0; slot < 3; slot++) {
                means[slot][cycle] = tps[cycle][slot] / counted[cycle][slot];
            }
            double without = means[State.WITHOUT.ordinal()][cycle];
            double polled = means[State.POLLED.ordinal()][cycle];
            double control = means[State.CONTROL.ordinal()][cycle];
            // against both unpolled windows of the cycle, so neither one's luck decides it
            ratios[cycle] = polled / ((without + control) / 2);
            noise[cycle] = control / without;
            System.out.printf(Locale.ROOT, "%-6d %12.0f %12.0f %12.0f %11.3fx %11.3fx%n", cycle + 1, without, polled, control,
                    ratios[cycle], noise[cycle]);
        }
        double ratio = mean(ratios);
        double ratioError = confidence(ratios);
        double floor = mean(noise);
        double meanReadMs = readNanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "mean   %12.0f %12.0f %12.0f %11.3fx %11.3fx%n", mean(means[0]), mean(means[1]), mean(means[2]),
                ratio, floor);
        System.out.printf(Locale.ROOT, "writers pay %.1f %% +/- %.1f %% (95 %% confidence; target <= 1 %%: %s); the same-vs-same "
                        + "control differs by %.1f %% +/- %.1f %%; medians: ratio %.3fx, control %.3fx%n",
                100 * (1 - ratio), 100 * ratioError, 1 - ratio <= 0.01 ? "MET" : "MISSED", 100 * (floor - 1),
                100 * confidence(noise), median(ratios), median(noise));
        System.out.printf(Locale.ROOT, "the polling's own time: %d refreshes, %.2f ms each on average (wall clock, beside 8 busy "
                + "clients on %d cores)%n", readNanos.size(), meanReadMs, Runtime.getRuntime().availableProcessors());
    }

    private enum State { WITHOUT, POLLED, CONTROL }

    /** The window's state: three to a cycle, in an order that rotates from one cycle to the next. */
    private static State state(long index) {
        State[][] orders = {
                {State.WITHOUT, State.POLLED, State.CONTROL},
                {State.POLLED, State.CONTROL, State.WITHOUT},
                {State.CONTROL, State.WITHOUT, State.POLLED}};
        return orders[(int) (index / 3 % 3)][(int) (index % 3)];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Half the width of the mean's 95 % confidence interval (normal approximation). */
    private static double confidence(double[] values) {
        double mean = mean(values);
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return 1.96 * Math.sqrt(variance / values.length);
    }

    /** One refresh's time, client-measured, with the reader's connection only and with 200 idle sessions beside it. */
    private static void refreshes(PostgresEndpoint endpoint) throws Exception {
        System.out.println("One refresh (activity + pg_stat_statements + chains + the minute's deltas), " + SAMPLES
                + " samples after " + WARMUP + " warm-up, ms");
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s%n", "sessions", "p50", "p95", "max", "target");
        double[] alone = sample(endpoint);
        print("none but the reader's", alone);
        List<Connection> idle = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE_SESSIONS; i++) {
                Connection c = endpoint.connect("bench-idle");
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                idle.add(c);
            }
            double[] crowded = sample(endpoint);
            print(IDLE_SESSIONS + " idle", crowded);
            System.out.printf(Locale.ROOT, "200 idle against none: p50 %.2fx; one refresh at p95 %.2f ms (target <= 20 ms: %s)%n",
                    percentile(crowded, 50) / percentile(alone, 50), percentile(crowded, 95),
                    percentile(crowded, 95) <= 20 ? "MET" : "MISSED");
        } finally {
            for (Connection c : idle) {
                c.close();
            }
        }
    }

    private static double[] sample(PostgresEndpoint endpoint) throws SQLException {
        double[] millis = new double[SAMPLES];
        try (ServerReader reader = new ServerReader(endpoint)) {
            StatementWindow window = new StatementWindow(StatementWindow.MINUTE);
            for (int i = 0; i < WARMUP + SAMPLES; i++) {
                long start = System.nanoTime();
                refresh(reader, window);
                if (i >= WARMUP) {
                    millis[i - WARMUP] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return millis;
    }

    /** What one of the Server tab's refreshes does off the FX thread. */
    private static int refresh(ServerReader reader, StatementWindow window) throws SQLException {
        ActivitySnapshot read = reader.read(TIMEOUT);
        int links = BlockingChains.of(read.sessions()).size();
        window.add(read.takenAt(), read.statements().statsReset(), read.statements().rows());
        return links + window.deltas(50).size();
    }

    private static void print(String label, double[] millis) {
        System.out.printf(Locale.ROOT, "%-28s %8.2f %8.2f %8.2f %8s%n", label, percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 100), "<= 20");
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static PostgresSettings settings(String database) {
        return new PostgresSettings(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5499")), database,
                env("PGUSER", "postgres"), SslMode.DISABLE, null, "snowpulse-bench", SecretRef.of(SecretSource.NONE));
    }

    private static PostgresEndpoint endpoint(PostgresSettings settings) {
        return new PostgresEndpoint(settings, Optional.empty());
    }
}
