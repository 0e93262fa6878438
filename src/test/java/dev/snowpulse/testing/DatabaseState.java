package dev.snowpulse.testing;

import dev.snowpulse.db.PostgresEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a user could notice of a database's public schema, as text: tables, columns with types and defaults,
 * constraints, indexes, functions with their full definitions, triggers, sequences' positions, and every row of
 * every table. Two equal states mean nothing was changed.
 */
public final class DatabaseState {

    private DatabaseState() {
    }

    public static List<String> of(PostgresEndpoint db) throws SQLException {
        List<String> state = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            add(state, s, "select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '"
                    + " || coalesce(column_default, '-') || ' ' || is_nullable from information_schema.columns"
                    + " where table_schema = 'public' order by table_name, ordinal_position");
            add(state, s, "select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                    + " from pg_constraint where connamespace = 'public'::regnamespace order by 1");
            add(state, s, "select 'index ' || indexdef from pg_indexes where schemaname = 'public' order by 1");
            add(state, s, "select 'function ' || pg_get_functiondef(p.oid) || ' acl ' || coalesce(p.proacl::text, '-')"
                    + " from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1");
            add(state, s, "select 'trigger ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal order by 1");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select quote_ident(tablename) from pg_tables where schemaname = 'public' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                add(state, s, "select '" + table + " ' || t::text from " + table + " t order by t::text");
            }
            List<String> sequences = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select quote_ident(sequencename) from pg_sequences where schemaname = 'public' order by 1")) {
                while (rs.next()) {
                    sequences.add(rs.getString(1));
                }
            }
            for (String sequence : sequences) {
                add(state, s, "select 'sequence " + sequence + " ' || last_value || ' ' || is_called from " + sequence);
            }
        }
        return state;
    }

    private static void add(List<String> state, Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                state.add(rs.getString(1));
            }
        }
    }
}
