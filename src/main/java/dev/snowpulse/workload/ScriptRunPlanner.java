package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.workload.script.BuiltinScripts;
import dev.snowpulse.workload.script.ScriptChoice;
import dev.snowpulse.workload.script.ScriptPlan;
import dev.snowpulse.workload.script.ScriptSources;
import dev.snowpulse.workload.script.Value;
import dev.snowpulse.workload.script.WeightedScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads the scripts a run is asked for and settles {@code :scale} by pgbench's rule: pgbench_branches counted when a
 * built-in pgbench script runs (a scale asked for is then ignored, with a warning), else the one asked for, else 1.
 * The CLI's {@code -b}/{@code -f} and the Workload tab's script list both come here. Reads files and the database:
 * never on the FX thread.
 */
public final class ScriptRunPlanner {

    /** Where a built-in's tables are missing: what to run. */
    public static final String NO_PGBENCH_TABLES = "pgbench's tables are not in this database: make them with "
            + "'snowpulse workload init-pgbench --scale N' (or pgbench -i -s N)";

    private ScriptRunPlanner() {
    }

    /** {@code scale} null: automatic; {@code warnings} hears what was overridden. */
    public static ScriptPlan plan(List<ScriptChoice> choices, Map<String, Value> definitions, Long scale, int maxTries,
                                  boolean reportPerCommand, PostgresEndpoint endpoint, Consumer<String> warnings)
            throws SQLException {
        if (maxTries < 1 || maxTries > 1000) {
            throw new IllegalArgumentException("max tries: " + maxTries + " is outside 1..1000");
        }
        if (scale != null && scale < 1) {
            throw new IllegalArgumentException("scale: " + scale + " must be 1 or more");
        }
        List<WeightedScript> mix = new ArrayList<>();
        boolean pgbenchBuiltin = false;
        for (ScriptChoice choice : choices) {
            WeightedScript script = ScriptSources.load(choice, definitions.keySet());
            pgbenchBuiltin |= choice.kind() == ScriptChoice.Kind.BUILTIN && BuiltinScripts.usesPgbenchTables(script.script().name());
            mix.add(script);
        }
        long chosen = scale == null ? 1 : scale;
        if (pgbenchBuiltin) {
            OptionalLong found;
            try (Connection c = endpoint.connect()) {
                found = PgbenchTables.scale(c);
            }
            if (found.isEmpty()) {
                throw new IllegalStateException(NO_PGBENCH_TABLES);
            }
            if (scale != null && scale != found.getAsLong()) {
                warnings.accept("the scale asked for (" + scale + ") is ignored: a built-in script's :scale is pgbench_branches counted ("
                        + found.getAsLong() + "), as pgbench does");
            }
            chosen = found.getAsLong();
        }
        return new ScriptPlan(mix, definitions, chosen, maxTries, reportPerCommand);
    }
}
