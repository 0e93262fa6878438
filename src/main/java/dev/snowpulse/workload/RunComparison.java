package dev.snowpulse.workload;

import dev.snowpulse.format.ReportTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Two to five runs from the history side by side, the first as the base: what each was asked to do (a row per spec
 * field, those that differ marked), what each did (figures with their change against the base, in per cent), and
 * their seconds on one time axis (seconds since each run's start).
 */
public final class RunComparison {

    public static final int MIN_RUNS = 2;
    public static final int MAX_RUNS = 5;

    private final List<WorkloadHistory.StoredRun> runs;

    public RunComparison(List<WorkloadHistory.StoredRun> runs) {
        if (runs.size() < MIN_RUNS || runs.size() > MAX_RUNS) {
            throw new IllegalArgumentException("compare " + MIN_RUNS + " to " + MAX_RUNS + " runs (got " + runs.size() + ")");
        }
        Set<Object> ids = new java.util.HashSet<>();
        for (WorkloadHistory.StoredRun r : runs) {
            if (!ids.add(r.run().runId())) {
                throw new IllegalArgumentException("run " + shortId(r) + " is named twice: compare different runs");
            }
        }
        this.runs = List.copyOf(runs);
    }

    /** The runs compared, the base first. */
    public List<WorkloadHistory.StoredRun> runs() {
        return runs;
    }

    /** What the comparison window exports as CSV or JSON: the specs, the figures and their changes as numbers, the seconds. */
    public List<ReportTable> tables() {
        List<ReportTable> tables = new ArrayList<>(List.of(specs()));
        tables.addAll(figuresForExport());
        tables.add(seconds());
        return tables;
    }

    public static String shortId(WorkloadHistory.StoredRun r) {
        return r.run().runId().toString().substring(0, 8);
    }

    private List<String> header(String first) {
        List<String> columns = new ArrayList<>(List.of(first));
        runs.forEach(r -> columns.add(shortId(r)));
        return columns;
    }

    /** A row per spec field, the base's value first; "differs" names the fields whose values are not all the same. */
    public ReportTable specs() {
        Set<String> fields = new LinkedHashSet<>();
        runs.forEach(r -> fields.addAll(r.spec().keySet()));
        List<List<String>> rows = new ArrayList<>();
        for (String field : fields) {
            List<String> row = new ArrayList<>(List.of(field));
            runs.forEach(r -> row.add(Objects.requireNonNullElse(r.spec().get(field), "")));
            boolean differs = row.subList(1, row.size()).stream().distinct().count() > 1;
            row.add(differs ? "differs" : "");
            rows.add(row);
        }
        List<String> columns = header("spec");
        columns.add("difference");
        return new ReportTable("Specs (base: " + shortId(runs.getFirst()) + ")", columns, rows);
    }

    private record Figure(String name, Function<WorkloadRunRecord, Double> value, String format, boolean compared) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("seconds", WorkloadRunRecord::elapsedSeconds, "%.1f", false),
            new Figure("ok", r -> (double) r.counts().ok(), "%.0f", true),
            new Figure("failed", r -> (double) r.counts().failures(), "%.0f", true),
            new Figure("tps", WorkloadRunRecord::ordersPerSecond, "%.1f", true),
            new Figure("p50 ms", WorkloadRunRecord::p50, "%.3f", true),
            new Figure("p95 ms", WorkloadRunRecord::p95, "%.3f", true),
            new Figure("p99 ms", WorkloadRunRecord::p99, "%.3f", true));

    /** What each run did, and for the others their change against the base, in one cell each: for people to read. */
    public ReportTable figures() {
        return figures(true);
    }

    /**
     * For csv and json: the figures as numbers alone, and the changes against the base in a table of their own
     * (per cent, a column per other run), so that no cell mixes a value and its change.
     */
    public List<ReportTable> figuresForExport() {
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : FIGURES) {
            if (!f.compared()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(f.name()));
            Double base = f.value().apply(runs.getFirst().run());
            for (int i = 1; i < runs.size(); i++) {
                Double v = f.value().apply(runs.get(i).run());
                row.add(v == null || base == null || base == 0 ? "" : String.format(Locale.ROOT, "%.1f", 100 * (v - base) / base));
            }
            rows.add(row);
        }
        List<String> columns = header("figure");
        columns.remove(1);
        return List.of(figures(false), new ReportTable("Change against the base (per cent)", columns, rows));
    }

    private ReportTable figures(boolean withChange) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(text("status", r -> r.status()));
        rows.add(text("started", r -> r.startedAt().toString()));
        for (Figure f : FIGURES) {
            rows.add(number(f.name(), f.value(), f.format(), withChange && f.compared()));
        }
        rows.add(text("thresholds", WorkloadRunRecord::thresholds));
        return new ReportTable(withChange ? "Figures (change against the base in per cent)" : "Figures", header("figure"), rows);
    }

    private List<String> text(String name, Function<WorkloadRunRecord, String> value) {
        List<String> row = new ArrayList<>(List.of(name));
        runs.forEach(r -> row.add(Objects.requireNonNullElse(value.apply(r.run()), "")));
        return row;
    }

    private List<String> number(String name, Function<WorkloadRunRecord, Double> value, String format, boolean delta) {
        List<String> row = new ArrayList<>(List.of(name));
        Double base = value.apply(runs.getFirst().run());
        for (int i = 0; i < runs.size(); i++) {
            Double v = value.apply(runs.get(i).run());
            if (v == null) {
                row.add("");
                continue;
            }
            String cell = String.format(Locale.ROOT, format, v);
            if (delta && i > 0 && base != null && base != 0) {
                cell += String.format(Locale.ROOT, " (%+.1f %%)", 100 * (v - base) / base);
            }
            row.add(cell);
        }
        return row;
    }

    /** Every run's seconds on one axis: transactions per second and latency percentiles, empty where a run had ended. */
    public ReportTable seconds() {
        List<String> columns = new ArrayList<>(List.of("second"));
        for (WorkloadHistory.StoredRun r : runs) {
            String id = shortId(r);
            columns.addAll(List.of(id + " tps", id + " p50 ms", id + " p95 ms", id + " p99 ms"));
        }
        int last = runs.stream().mapToInt(r -> r.seconds().isEmpty() ? 0 : r.seconds().getLast().second()).max().orElse(0);
        List<java.util.Map<Integer, SecondPoint>> bySecond = runs.stream().map(r -> r.seconds().stream()
                .collect(java.util.stream.Collectors.toMap(SecondPoint::second, p -> p, (a, b) -> a))).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int second = 1; second <= last; second++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(second)));
            for (java.util.Map<Integer, SecondPoint> points : bySecond) {
                SecondPoint p = points.get(second);
                row.add(p == null ? "" : Long.toString(p.ok()));
                row.add(p == null ? "" : millis(p.p50Ms()));
                row.add(p == null ? "" : millis(p.p95Ms()));
                row.add(p == null ? "" : millis(p.p99Ms()));
            }
            rows.add(row);
        }
        return new ReportTable("Second by second (since each run's start)", columns, rows);
    }



    private static String millis(Double ms) {
        return ms == null ? "" : String.format(Locale.ROOT, "%.3f", ms);
    }

    /**
     * The runs without a stored series: recorded before SnowPulse kept series, not ended, or on a database without
     * workload_run_seconds.
     */
    public List<String> withoutSeconds() {
        return runs.stream().filter(r -> r.seconds().isEmpty()).map(RunComparison::shortId).toList();
    }
}
