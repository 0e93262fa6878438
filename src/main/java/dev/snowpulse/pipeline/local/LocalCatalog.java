package dev.snowpulse.pipeline.local;

import dev.snowpulse.pipeline.PipelineNames;
import dev.snowpulse.pipeline.deploy.Catalog;
import dev.snowpulse.pipeline.deploy.DeployPlanner;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the pipeline's schemas hold in a PostgreSQL database, read from its catalog when the deploy is planned. */
final class LocalCatalog {

    private LocalCatalog() {
    }

    static Catalog read(Connection c, PipelineNames names, List<DeployPlanner.RowTarget> targets) throws SQLException {
        List<String> wanted = List.of(names.rawSchema(), names.bronzeSchema(), names.goldSchema(), names.referenceSchema(),
                names.controlSchema(), "data_quality");
        Array schemaArray = c.createArrayOf("text", wanted.stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray());
        Set<String> schemas = strings(c, "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ANY (?)", schemaArray);
        Map<String, Map<String, Catalog.ExistingColumn>> tables = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_schema, table_name, column_name, data_type, is_nullable "
                + "FROM information_schema.columns WHERE table_schema = ANY (?)")) {
            s.setArray(1, schemaArray);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(upper(rs.getString(1) + "." + rs.getString(2)), k -> new HashMap<>())
                            .put(upper(rs.getString(3)), new Catalog.ExistingColumn(rs.getString(4), "YES".equals(rs.getString(5))));
                }
            }
        }
        Map<String, Catalog.PrimaryKey> keys = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT n.nspname || '.' || t.relname, k.conname, "
                + "array_agg(a.attname::text ORDER BY a.attnum) FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (k.conkey) "
                + "WHERE k.contype = 'p' AND n.nspname = ANY (?) GROUP BY 1, 2")) {
            s.setArray(1, schemaArray);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Set<String> columns = new LinkedHashSet<>();
                    for (Object column : (Object[]) rs.getArray(3).getArray()) {
                        columns.add(upper(column.toString()));
                    }
                    keys.put(upper(rs.getString(1)), new Catalog.PrimaryKey(rs.getString(2), columns));
                }
            }
        }
        Set<String> indexes = strings(c, "SELECT schemaname || '.' || indexname FROM pg_indexes WHERE schemaname = ANY (?)", schemaArray);
        Set<String> routines = strings(c, "SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname = ANY (?)", schemaArray);
        Map<String, Catalog.ExistingTask> tasks = new HashMap<>();
        String control = names.controlSchema().toLowerCase(Locale.ROOT);
        if (tables.containsKey(upper(control + ".tasks"))) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT task_name, schedule::text, definition FROM " + control + ".tasks")) {
                while (rs.next()) {
                    tasks.put(upper(control + "." + rs.getString(1)), new Catalog.ExistingTask(rs.getString(2), rs.getString(3), null));
                }
            }
        }
        return new Catalog(true, schemas, tables, keys, indexes, routines, tasks, Set.of(), referenceKeys(c, tables, targets));
    }

    private static Map<String, Set<String>> referenceKeys(Connection c, Map<String, Map<String, Catalog.ExistingColumn>> tables,
                                                          List<DeployPlanner.RowTarget> targets) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (DeployPlanner.RowTarget target : targets) {
            Map<String, Catalog.ExistingColumn> columns = tables.get(Catalog.key(target.table()));
            if (columns != null && columns.containsKey(upper(target.keyColumn()))) {
                parts.add("SELECT '" + Catalog.key(target.table()) + "', " + target.keyColumn() + "::text FROM " + target.table());
            }
        }
        Map<String, Set<String>> keys = new HashMap<>();
        if (!parts.isEmpty()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(String.join(" UNION ALL ", parts))) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return keys;
    }

    private static Set<String> strings(Connection c, String sql, Array parameter) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(upper(rs.getString(1)));
                }
            }
        }
        return values;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
