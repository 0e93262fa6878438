package dev.snowpulse.pipeline.snowflake;

import dev.snowpulse.pipeline.PipelineNames;
import dev.snowpulse.pipeline.deploy.Catalog;
import dev.snowpulse.pipeline.deploy.DeployPlanner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the pipeline's database holds, from its INFORMATION_SCHEMA (tables and columns, schemas, procedures and
 * functions), SHOW TASKS and SHOW STREAMS, and the keys of the tables a deploy adds rows to.
 */
final class SnowflakeCatalog {

    /** Snowflake's code for an object that does not exist or is not authorised. */
    private static final int DOES_NOT_EXIST = 2003;

    private SnowflakeCatalog() {
    }

    static Catalog read(Connection c, PipelineNames names, List<DeployPlanner.RowTarget> targets) throws SQLException {
        String db = names.database();
        Map<String, Map<String, Catalog.ExistingColumn>> tables = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, "
                + "DATA_TYPE, IS_NULLABLE FROM " + db + ".INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
            while (rs.next()) {
                tables.computeIfAbsent(upper(rs.getString(1) + "." + rs.getString(2)), k -> new HashMap<>())
                        .put(upper(rs.getString(3)), new Catalog.ExistingColumn(rs.getString(4), "YES".equalsIgnoreCase(rs.getString(5))));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == DOES_NOT_EXIST) {
                return Catalog.empty();
            }
            throw e;
        }
        Set<String> schemas = strings(c, "SELECT SCHEMA_NAME FROM " + db + ".INFORMATION_SCHEMA.SCHEMATA");
        Set<String> routines = strings(c, "SELECT PROCEDURE_SCHEMA || '.' || PROCEDURE_NAME FROM " + db
                + ".INFORMATION_SCHEMA.PROCEDURES UNION ALL SELECT FUNCTION_SCHEMA || '.' || FUNCTION_NAME FROM " + db
                + ".INFORMATION_SCHEMA.FUNCTIONS");
        Map<String, Catalog.ExistingTask> tasks = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW TASKS IN DATABASE " + db)) {
            while (rs.next()) {
                tasks.put(upper(rs.getString("schema_name") + "." + rs.getString("name")),
                        new Catalog.ExistingTask(rs.getString("schedule"), rs.getString("definition"), rs.getString("warehouse")));
            }
        }
        Set<String> streams = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW STREAMS IN DATABASE " + db)) {
            while (rs.next()) {
                streams.add(upper(rs.getString("schema_name") + "." + rs.getString("name")));
            }
        }
        return new Catalog(true, schemas, tables, Map.of(), Set.of(), routines, tasks, streams, keys(c, tables, targets));
    }

    /** One query for the keys every existing target table holds. */
    private static Map<String, Set<String>> keys(Connection c, Map<String, Map<String, Catalog.ExistingColumn>> tables,
                                                 List<DeployPlanner.RowTarget> targets) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (DeployPlanner.RowTarget target : targets) {
            Map<String, Catalog.ExistingColumn> columns = tables.get(Catalog.key(target.table()));
            if (columns != null && columns.containsKey(upper(target.keyColumn()))) {
                parts.add("SELECT '" + Catalog.key(target.table()) + "', " + target.keyColumn() + "::STRING FROM " + target.table());
            }
        }
        Map<String, Set<String>> keys = new HashMap<>();
        if (parts.isEmpty()) {
            return keys;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(String.join(" UNION ALL ", parts))) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return keys;
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(upper(rs.getString(1)));
            }
        }
        return values;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
