package dev.snowpulse.pipeline.audit;

import dev.snowpulse.pipeline.PipelineException;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading DATA_GENERATION_AUDIT, which both backends keep with the same columns: the column lists to select, and the
 * rows as records. Column labels are matched without regard to case, as JDBC does.
 */
public final class AuditRuns {

    /** A run's snapshot with the checksums stored next to it. */
    public record Stored(RunSnapshot snapshot, Map<ReferenceTable, String> checksums) {
    }

    /** The columns {@link #run} reads. */
    public static final String RUN_COLUMNS = "RUN_ID, RUN_TIMESTAMP, EXECUTION_STATUS, CUSTOMER_EVENTS_REQUESTED, "
            + "PURCHASE_EVENTS_REQUESTED, MARKETING_EVENTS_REQUESTED, SUPPLY_CHAIN_EVENTS_REQUESTED, EVENTS_GENERATED, "
            + "ERROR_MESSAGE, EXECUTION_TIME_SECONDS" + checksumColumns();

    private AuditRuns() {
    }

    private static String checksumColumns() {
        StringBuilder columns = new StringBuilder();
        for (ReferenceTable table : ReferenceTable.values()) {
            columns.append(", ").append(table.checksumColumn());
        }
        return columns.toString();
    }

    /** The columns {@link #stored} reads; {@code asText} wraps each snapshot in a cast, for databases whose JSON type needs one. */
    public static String storedColumns(String asText) {
        StringBuilder columns = new StringBuilder("RUN_ID");
        for (ReferenceTable table : ReferenceTable.values()) {
            String snapshot = table.snapshotColumn();
            columns.append(", ").append(asText == null ? snapshot : snapshot + asText + " AS " + snapshot)
                    .append(", ").append(table.checksumColumn());
        }
        return columns.toString();
    }

    /**
     * The newest {@code limit} runs in {@code table}, each marked when its reference data differs from the run before.
     * Unquoted column names, so they fold to each database's case.
     */
    public static List<AuditRun> newest(Connection c, String table, int limit) throws SQLException {
        checkLimit(limit);
        List<AuditRun> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM " + table
                + " ORDER BY RUN_TIMESTAMP DESC LIMIT ?")) {
            s.setInt(1, limit + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(run(rs));
                }
            }
        }
        return markChanges(found, limit);
    }

    /** The stored runs in {@code table} with these ids, by id ({@code asText} as for {@link #storedColumns}). */
    public static Map<String, Stored> byId(Connection c, String table, String asText, List<String> runIds)
            throws SQLException {
        Map<String, Stored> found = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + storedColumns(asText) + " FROM " + table
                + " WHERE RUN_ID IN (" + String.join(", ", Collections.nCopies(runIds.size(), "?")) + ")")) {
            for (int i = 0; i < runIds.size(); i++) {
                s.setString(i + 1, runIds.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Stored run = stored(rs);
                    found.put(run.snapshot().runId(), run);
                }
            }
        }
        return found;
    }

    public static AuditRun run(ResultSet rs) throws SQLException {
        double seconds = rs.getDouble("EXECUTION_TIME_SECONDS");
        Double took = rs.wasNull() ? null : seconds;
        Timestamp time = rs.getTimestamp("RUN_TIMESTAMP");
        // RUN_TIMESTAMP is a time without a zone holding UTC (TIMESTAMP_NTZ, timestamp): both drivers hand it over as
        // that wall-clock time in the JVM's zone, so its local date and time are the UTC ones
        Instant at = time == null ? null : time.toLocalDateTime().toInstant(ZoneOffset.UTC);
        return new AuditRun(rs.getString("RUN_ID"), at, rs.getString("EXECUTION_STATUS"),
                rs.getInt("CUSTOMER_EVENTS_REQUESTED"), rs.getInt("PURCHASE_EVENTS_REQUESTED"),
                rs.getInt("MARKETING_EVENTS_REQUESTED"), rs.getInt("SUPPLY_CHAIN_EVENTS_REQUESTED"),
                rs.getLong("EVENTS_GENERATED"), rs.getString("ERROR_MESSAGE"), took, checksums(rs), false);
    }

    public static Stored stored(ResultSet rs) throws SQLException {
        Map<ReferenceTable, List<Map<String, String>>> tables = new EnumMap<>(ReferenceTable.class);
        for (ReferenceTable table : ReferenceTable.values()) {
            tables.put(table, RunSnapshot.parseRows(rs.getString(table.snapshotColumn()), table.snapshotColumn()));
        }
        return new Stored(new RunSnapshot(rs.getString("RUN_ID"), tables), checksums(rs));
    }

    private static Map<ReferenceTable, String> checksums(ResultSet rs) throws SQLException {
        Map<ReferenceTable, String> sums = new EnumMap<>(ReferenceTable.class);
        for (ReferenceTable table : ReferenceTable.values()) {
            String sum = rs.getString(table.checksumColumn());
            if (sum != null) {
                sums.put(table, sum);
            }
        }
        return sums;
    }

    /** The runs asked for, in the order asked; names a run id that is not there. */
    public static List<Stored> inOrder(Map<String, Stored> found, List<String> runIds) throws PipelineException {
        List<Stored> ordered = new ArrayList<>();
        for (String id : runIds) {
            Stored run = found.get(id);
            if (run == null) {
                throw new PipelineException("read run " + id, "no generation run has this id", null, null, null,
                        "Pick a run from the Audit tab or `snowpulse pipeline audit`.", null);
            }
            ordered.add(run);
        }
        return ordered;
    }

    /** Two stored runs compared row by row. */
    public static RunComparison compare(List<Stored> both) {
        return RunComparison.of(both.get(0).snapshot(), both.get(1).snapshot(), both.get(0).checksums(), both.get(1).checksums());
    }

    /**
     * Marks each run whose reference checksums differ from the run just before it. {@code newestFirst} holds one
     * run more than is shown when there is one, so the oldest shown run can be compared too.
     */
    public static List<AuditRun> markChanges(List<AuditRun> newestFirst, int limit) {
        List<AuditRun> marked = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, newestFirst.size()); i++) {
            AuditRun run = newestFirst.get(i);
            boolean changed = i + 1 < newestFirst.size()
                    && !Objects.equals(run.checksums(), newestFirst.get(i + 1).checksums());
            marked.add(run.withConfigChanged(changed));
        }
        return marked;
    }

    public static void checkLimit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit: " + limit + " is outside 1..10000");
        }
    }
}
