package dev.snowpulse.pipeline.audit;

import dev.snowpulse.pipeline.reference.ReferenceTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two runs' reference snapshots compared row by row, keyed by each table's key column. When a row was written
 * (CREATED_AT, UPDATED_AT) is not a difference of its configuration.
 */
public record RunComparison(String before, String after, List<TableComparison> tables) {

    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("CREATED_AT", "UPDATED_AT");

    public RunComparison {
        tables = List.copyOf(tables);
    }

    public List<TableComparison> changedTables() {
        return tables.stream().filter(TableComparison::changed).toList();
    }

    public static RunComparison of(RunSnapshot before, RunSnapshot after, Map<ReferenceTable, String> checksumsBefore,
                                   Map<ReferenceTable, String> checksumsAfter) {
        List<TableComparison> tables = new ArrayList<>();
        for (ReferenceTable table : ReferenceTable.values()) {
            tables.add(new TableComparison(table, checksumsBefore.get(table), checksumsAfter.get(table),
                    differences(table, before.rows(table), after.rows(table))));
        }
        return new RunComparison(before.runId(), after.runId(), tables);
    }

    static List<RowDifference> differences(ReferenceTable table, List<Map<String, String>> before,
                                           List<Map<String, String>> after) {
        Map<String, Map<String, String>> old = byKey(table, before);
        Map<String, Map<String, String>> now = byKey(table, after);
        List<RowDifference> differences = new ArrayList<>();
        old.forEach((key, row) -> {
            Map<String, String> newer = now.get(key);
            if (newer == null) {
                differences.add(new RowDifference(RowDifference.Kind.REMOVED, key, values(row, null)));
            } else {
                List<ValueChange> changes = new ArrayList<>();
                java.util.Set<String> columns = new java.util.LinkedHashSet<>(row.keySet());
                columns.addAll(newer.keySet());
                columns.removeAll(BOOKKEEPING);
                for (String column : columns) {
                    if (!Objects.equals(row.get(column), newer.get(column))) {
                        changes.add(new ValueChange(column, row.get(column), newer.get(column)));
                    }
                }
                if (!changes.isEmpty()) {
                    differences.add(new RowDifference(RowDifference.Kind.CHANGED, key, changes));
                }
            }
        });
        now.forEach((key, row) -> {
            if (!old.containsKey(key)) {
                differences.add(new RowDifference(RowDifference.Kind.ADDED, key, values(null, row)));
            }
        });
        return differences;
    }

    private static Map<String, Map<String, String>> byKey(ReferenceTable table, List<Map<String, String>> rows) {
        Map<String, Map<String, String>> keyed = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            keyed.put(String.valueOf(row.get(table.key())), row);
        }
        return keyed;
    }

    private static List<ValueChange> values(Map<String, String> before, Map<String, String> after) {
        Map<String, String> row = before != null ? before : after;
        return row.entrySet().stream()
                .map(e -> new ValueChange(e.getKey(), before == null ? null : e.getValue(), after == null ? null : e.getValue()))
                .toList();
    }
}
