package dev.snowpulse.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywaySqlException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies sql/postgres with Flyway: versioned files once and in order, repeatable files whenever they change,
 * checksums recorded in flyway_schema_history, every pending file in one transaction. A database with objects but no history (the seed project's
 * init_db, or anything else) is adopted: the history starts at a baseline below V1, and V1 onwards, written to
 * be re-runnable, bring it up to date without losing its rows.
 */
public final class SchemaMigrations {

    public static final String LOCATION = "classpath:sql/postgres";
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final List<String> SEED_TABLES = List.of("customers", "products", "orders", "inventory", "payments");

    private final DataSource dataSource;
    private final List<String> locations;

    public SchemaMigrations(DataSource dataSource) {
        this(dataSource, List.of(LOCATION));
    }

    /** With more places to find files in: tests add one holding a file that fails. */
    SchemaMigrations(DataSource dataSource, List<String> locations) {
        this.dataSource = dataSource;
        this.locations = List.copyOf(locations);
    }

    public SchemaStatus status() throws SQLException {
        DatabaseOrigin origin = origin();
        List<SchemaFile> files = new ArrayList<>();
        for (MigrationInfo info : flyway(new FileTimer(event -> { })).info().all()) {
            files.add(file(info));
        }
        return new SchemaStatus(origin, files);
    }

    /** Applies what is pending or changed, reporting each file as it starts and ends. */
    public SchemaStatus migrate(Consumer<MigrationEvent> log) throws SQLException, MigrationFailure {
        DatabaseOrigin origin = origin();
        if (origin == DatabaseOrigin.SEED_PROJECT) {
            log.accept(new MigrationEvent(MigrationEvent.Kind.INFO, null, 0,
                    "found the seed project's tables without a migration history: adopting them, their rows are kept"));
        }
        for (SchemaFile file : status().files()) {
            if (file.state() == FileState.CHANGED && !file.repeatable()) {
                throw new MigrationFailure(file.script(), 0, null, "changed since it was applied (checksum mismatch). "
                        + "An applied versioned file must not be edited: restore it and put the change in a new V file.");
            }
        }
        FileTimer timer = new FileTimer(log);
        SchemaStatus after;
        try {
            MigrateResult result = flyway(timer).migrate();
            after = status();
            reportApplied(timer.started, after.files(), log);
            log.accept(new MigrationEvent(MigrationEvent.Kind.INFO, null, 0, result.migrationsExecuted == 0
                    ? "nothing to apply: the schema is up to date"
                    : "applied " + result.migrationsExecuted + " file(s); schema version " + result.targetSchemaVersion));
        } catch (FlywayException e) {
            MigrationFailure failure = failure(e, timer.current);
            if (origin != DatabaseOrigin.MANAGED) {
                try {
                    dropHistoryTable();
                } catch (SQLException cleanup) {
                    failure.addSuppressed(cleanup);
                }
            }
            throw failure;
        }
        return after;
    }

    /**
     * Reported after the commit, with the time Flyway wrote into its history table, so that the log and the
     * Schema table give a file the same time.
     */
    private static void reportApplied(List<String> started, List<SchemaFile> files, Consumer<MigrationEvent> log) {
        for (String script : started) {
            Integer millis = files.stream().filter(f -> script.equals(f.script()) && f.executionMillis() != null)
                    .reduce((first, second) -> second).map(SchemaFile::executionMillis).orElse(null);
            log.accept(new MigrationEvent(MigrationEvent.Kind.APPLIED, script, millis == null ? 0 : millis, null));
        }
    }

    /**
     * The files ran in one transaction, rolled back as a whole; Flyway created its history table before it, in a
     * transaction of its own. A database that had no history before has none after.
     */
    private void dropHistoryTable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + HISTORY_TABLE);
        }
    }

    private Flyway flyway(Callback callback) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                // every pending file in one transaction: a failure anywhere leaves the database as init found it
                .group(true)
                .table(HISTORY_TABLE)
                // the SQL uses $$ bodies; nothing in it is a Flyway placeholder
                .placeholderReplacement(false)
                // without a history, start it below V1: V1 is written to run over existing objects
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("adopted seed-project database")
                .validateMigrationNaming(true)
                .callbacks(callback)
                .load();
    }

    /** Is the history there, and if not, are the seed project's tables? */
    public DatabaseOrigin origin() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) filter (where table_name = ?), count(*) filter (where table_name = any (?)) "
                             + "from information_schema.tables where table_schema = current_schema()")) {
            s.setString(1, HISTORY_TABLE);
            s.setArray(2, c.createArrayOf("text", SEED_TABLES.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return DatabaseOrigin.MANAGED;
                }
                return rs.getInt(2) > 0 ? DatabaseOrigin.SEED_PROJECT : DatabaseOrigin.EMPTY;
            }
        }
    }

    private static SchemaFile file(MigrationInfo info) {
        MigrationState state = info.getState();
        FileState fileState;
        if (state == MigrationState.BASELINE) {
            fileState = FileState.BASELINE;
        } else if (state.isFailed()) {
            fileState = FileState.FAILED;
        } else if (state == MigrationState.OUTDATED || state.isApplied() && info.isVersioned() && state.isResolved()
                && !info.isChecksumMatching()) {
            fileState = FileState.CHANGED;
        } else if (state == MigrationState.PENDING) {
            fileState = FileState.PENDING;
        } else if (!state.isResolved()) {
            fileState = FileState.UNKNOWN;
        } else if (state.isApplied()) {
            fileState = FileState.APPLIED;
        } else {
            fileState = FileState.PENDING;
        }
        return new SchemaFile(fileName(info.getScript()), info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(), info.isRepeatable(), fileState,
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(), info.getExecutionTime());
    }

    private static String fileName(String script) {
        return script == null ? null : script.substring(script.lastIndexOf('/') + 1);
    }

    private static MigrationFailure failure(FlywayException e, String script) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywaySqlException sql) {
                int line = sql instanceof FlywaySqlScriptException scriptFailure ? scriptFailure.getLineNumber() : 0;
                SQLException cause = sql.getInnerCause() instanceof SQLException inner ? inner
                        : sql.getCause() instanceof SQLException direct ? direct : null;
                return new MigrationFailure(script, line, sql.getSqlState(), serverMessage(cause));
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new MigrationFailure(script, 0, null, Arrays.stream(message.split("\n"))
                .map(String::strip).filter(l -> !l.isEmpty()).limit(3).reduce((a, b) -> a + " " + b).orElse(message));
    }

    private static String serverMessage(SQLException e) {
        if (e == null) {
            return "no details";
        }
        return dev.snowpulse.db.ServerMessages.firstLine(e);
    }

    /** Reports each file as it starts and, when it fails, how long it ran before failing. */
    private static final class FileTimer implements Callback {
        private final Consumer<MigrationEvent> log;
        private final List<String> started = new ArrayList<>();
        private String current;
        private long startedAt;

        FileTimer(Consumer<MigrationEvent> log) {
            this.log = log;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            String script = file(context.getMigrationInfo()).script();
            switch (event) {
                case BEFORE_EACH_MIGRATE -> {
                    current = script;
                    started.add(script);
                    startedAt = System.nanoTime();
                    log.accept(new MigrationEvent(MigrationEvent.Kind.STARTED, script, 0, null));
                }
                case AFTER_EACH_MIGRATE_ERROR -> log.accept(new MigrationEvent(MigrationEvent.Kind.FAILED, script,
                        (System.nanoTime() - startedAt) / 1_000_000, "rolled back"));
                default -> { }
            }
        }

        @Override
        public String getCallbackName() {
            return "snowpulse-file-timer";
        }
    }
}
