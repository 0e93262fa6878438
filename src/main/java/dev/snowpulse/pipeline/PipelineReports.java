package dev.snowpulse.pipeline;

import dev.snowpulse.pipeline.audit.ValueChange;
import dev.snowpulse.pipeline.audit.TableComparison;
import dev.snowpulse.pipeline.audit.RunSnapshot;
import dev.snowpulse.pipeline.audit.RunComparison;
import dev.snowpulse.pipeline.audit.RowDifference;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.task.TaskStatus;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskInfo;
import dev.snowpulse.format.ReportTable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pipeline results as report tables: what the CLI prints and the tabs export. */
public final class PipelineReports {

    /** Every time the pipeline shows is UTC, the zone its stamps are written in, on both backends. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private PipelineReports() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Seconds to hundredths (local runs take a few of them), or "" when unknown. */
    public static String seconds(Double seconds) {
        return seconds == null ? "" : String.format(Locale.ROOT, "%.2f", seconds);
    }

    public static String seconds(Duration took) {
        return took == null ? "" : seconds(took.toMillis() / 1000.0);
    }

    public static ReportTable tasks(List<TaskStatus> tasks) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskStatus status : tasks) {
            TaskInfo task = status.task();
            TaskRun last = status.lastRun();
            rows.add(List.of(task.shortName(), task.state().name().toLowerCase(Locale.ROOT),
                    task.root() ? orEmpty(task.schedule()) : "after " + String.join(", ", task.predecessors().stream()
                            .map(p -> p.substring(p.lastIndexOf('.') + 1)).toList()),
                    last == null ? "" : last.state().name(), last == null ? "" : time(last.completedTime()),
                    time(status.nextRun()), last == null || last.errorMessage() == null ? "" : last.errorMessage()));
        }
        return new ReportTable("Tasks", List.of("task", "state", "schedule", "last run", "finished (UTC)", "next run (UTC)", "last error"), rows);
    }

    public static ReportTable history(List<TaskRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskRun run : runs) {
            Duration took = run.duration();
            rows.add(List.of(run.task(), run.state().name(), time(run.scheduledTime()), time(run.startTime()),
                    seconds(took),
                    orEmpty(run.errorCode()), orEmpty(run.errorMessage()), orEmpty(run.queryId())));
        }
        return new ReportTable("Task history", List.of("task", "state", "scheduled (UTC)", "started (UTC)", "seconds", "error code",
                "error message", "query id"), rows);
    }

    public static ReportTable streams(List<StreamInfo> streams) {
        List<List<String>> rows = new ArrayList<>();
        for (StreamInfo stream : streams) {
            rows.add(List.of(stream.name(), stream.tableName(), orEmpty(stream.mode()), stream.hasData() ? "yes" : "no",
                    stream.stale() ? "yes" : "no", time(stream.staleAfter())));
        }
        return new ReportTable("Streams", List.of("stream", "table", "mode", "has data", "stale", "stale after (UTC)"), rows);
    }

    public static ReportTable summary(List<LayerCount> counts) {
        return new ReportTable("Data summary", List.of("layer", "table", "records"),
                counts.stream().map(c -> List.of(c.layer(), c.table(), Long.toString(c.records()))).toList());
    }

    public static ReportTable reference(ReferenceTable table, List<ReferenceRow> rows) {
        List<String> columns = new ArrayList<>();
        columns.add(table.key().toLowerCase(Locale.ROOT));
        table.columns().keySet().forEach(c -> columns.add(c.toLowerCase(Locale.ROOT)));
        List<List<String>> values = new ArrayList<>();
        for (ReferenceRow row : rows) {
            List<String> line = new ArrayList<>();
            line.add(row.key());
            table.columns().keySet().forEach(c -> line.add(orEmpty(row.value(c))));
            values.add(line);
        }
        return new ReportTable(table.name(), columns, values);
    }

    public static ReportTable auditRuns(List<AuditRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (AuditRun run : runs) {
            rows.add(List.of(run.runId(), time(run.runTime()), run.status(), Long.toString(run.requested()),
                    Long.toString(run.generated()), seconds(run.seconds()),
                    run.configChanged() ? "changed" : "", orEmpty(run.errorMessage())));
        }
        return new ReportTable("Generation runs", List.of("run id", "time (UTC)", "status", "requested", "generated", "seconds",
                "config", "error"), rows);
    }

    public static ReportTable comparison(RunComparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        for (TableComparison table : comparison.tables()) {
            if (!table.changed()) {
                rows.add(List.of(table.table().name(), "UNCHANGED", "", "", "", ""));
            }
            for (RowDifference row : table.differences()) {
                for (ValueChange change : row.kind() == RowDifference.Kind.CHANGED ? row.changes()
                        : List.of(new ValueChange("", null, null))) {
                    rows.add(List.of(table.table().name(), row.kind().name(), row.key(), change.column(),
                            orEmpty(change.before()), orEmpty(change.after())));
                }
            }
        }
        return new ReportTable("Runs " + comparison.before() + " → " + comparison.after(),
                List.of("table", "change", "key", "column", "before", "after"), rows);
    }

    public static List<ReportTable> snapshot(RunSnapshot snapshot, ReferenceTable only) {
        List<ReportTable> tables = new ArrayList<>();
        for (ReferenceTable table : ReferenceTable.values()) {
            if (only != null && table != only) {
                continue;
            }
            List<Map<String, String>> rows = snapshot.rows(table);
            List<String> columns = rows.isEmpty() ? List.of(table.key()) : List.copyOf(rows.getFirst().keySet());
            tables.add(new ReportTable(table.name() + " in run " + snapshot.runId(),
                    columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList(),
                    rows.stream().map(r -> columns.stream().map(c -> orEmpty(r.get(c))).toList()).toList()));
        }
        return tables;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
