package dev.snowpulse.pipeline.deploy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a database already holds of the pipeline, read before a deploy (Snowflake's INFORMATION_SCHEMA and SHOW, or
 * PostgreSQL's catalog). Names are upper case and without the database: {@code SCHEMA.NAME}.
 *
 * @param tables        each table's columns by name
 * @param primaryKeys   each table's primary key constraint and its columns (PostgreSQL only; empty where unknown)
 * @param indexes       indexes as {@code SCHEMA.NAME} (PostgreSQL only)
 * @param routines      procedures and functions
 * @param tasks         each task's schedule, definition and warehouse
 * @param referenceKeys for each table rows are added to, the keys it holds already
 */
public record Catalog(boolean databaseExists, Set<String> schemas, Map<String, Map<String, ExistingColumn>> tables,
                      Map<String, PrimaryKey> primaryKeys, Set<String> indexes, Set<String> routines,
                      Map<String, ExistingTask> tasks, Set<String> streams, Map<String, Set<String>> referenceKeys) {

    /** A column as the database has it: its type as the catalog names it, and whether it takes NULL. */
    public record ExistingColumn(String type, boolean nullable) {
    }

    public record PrimaryKey(String constraint, Set<String> columns) {
    }

    public record ExistingTask(String schedule, String definition, String warehouse) {
    }

    public static Catalog empty() {
        return new Catalog(false, Set.of(), Map.of(), Map.of(), Set.of(), Set.of(), Map.of(), Set.of(), Map.of());
    }

    /** {@code DB.SCHEMA.NAME}, {@code SCHEMA.NAME} or quoted parts as {@code SCHEMA.NAME} in upper case. */
    public static String key(String qualified) {
        String[] parts = qualified.replace("\"", "").split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : parts[0];
        return name.toUpperCase(Locale.ROOT);
    }
}
