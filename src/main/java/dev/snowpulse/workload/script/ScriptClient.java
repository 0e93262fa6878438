package dev.snowpulse.workload.script;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One client of a scripted run, as one pgbench client: its own variables ({@code :client_id}, {@code :scale}, the
 * run's definitions and what {@code \set} stores, kept from one transaction to the next), its own random generator,
 * and one prepared statement per SQL command on its session. A transaction is one pass over a script picked by
 * weight. A serialization failure or a deadlock is rolled back and the script tried again from its start with the
 * same random draws (pgbench 15 restores the random state, not the variables), up to the plan's tries; any other SQL
 * error rolls back what the script had open and is thrown. A script that cannot be evaluated (an undefined variable,
 * a division by zero in {@code \set}) stops the client, as pgbench aborts one: {@link ScriptAbort}.
 */
public final class ScriptClient implements Expr.Scope {

    /** Waits inside a script ({@code \sleep}); returns at once when the run is stopping. */
    public interface Sleeper {
        void sleep(long nanos);
    }

    private final ScriptPlan plan;
    /** Picks the scripts and seeds each transaction's draws. */
    private final ScriptRandom clientRandom;
    /** The draws of the transaction under way: made anew from the same seed when it is tried again. */
    private ScriptRandom random;
    private final Map<String, Value> variables = new HashMap<>();
    private final Sleeper sleeper;
    private final ScriptStats stats;
    private final ScriptStats.Transaction current = new ScriptStats.Transaction();
    private PreparedStatement[][] statements;
    private final boolean[][] plainBegin;
    private Connection connection;
    private BaseConnection session;
    private int lastScript;

    // BEGIN with no options: left to the driver, which sends it with the transaction's first statement
    private static final java.util.regex.Pattern PLAIN_BEGIN = java.util.regex.Pattern.compile(
            "(?i)\\s*(BEGIN(\\s+(WORK|TRANSACTION))?|START\\s+TRANSACTION)\\s*;?\\s*");

    /**
     * {@code seed}: this client's generator; {@code runSeed}: the run's, which every client shows as
     * {@code :random_seed} and from which {@code :default_seed} (the hash functions' seed) is drawn, the same for all.
     * As pgbench, a {@code -D} of one of these four variables wins over the automatic value.
     */
    public ScriptClient(ScriptPlan plan, int clientId, long seed, long runSeed, Sleeper sleeper, ScriptStats stats) {
        this.plan = plan;
        this.clientRandom = new ScriptRandom(seed);
        this.random = clientRandom;
        this.sleeper = sleeper;
        this.stats = stats;
        plainBegin = new boolean[plan.scripts().size()][];
        for (int i = 0; i < plainBegin.length; i++) {
            List<Command> commands = plan.scripts().get(i).script().commands();
            plainBegin[i] = new boolean[commands.size()];
            for (int c = 0; c < commands.size(); c++) {
                plainBegin[i][c] = commands.get(c) instanceof Command.Sql sql && PLAIN_BEGIN.matcher(sql.jdbcText()).matches()
                        && sqlBeforeAnySleep(commands, c + 1);
            }
        }
        variables.putAll(plan.definitions());
        variables.putIfAbsent("client_id", Value.of((long) clientId));
        variables.putIfAbsent("scale", Value.of(plan.scale()));
        variables.putIfAbsent("random_seed", Value.of(runSeed));
        variables.putIfAbsent("default_seed", Value.of(new ScriptRandom(runSeed).nextSeed()));
    }

    /**
     * Whether the next command after {@code from} that is not a {@code \set} is SQL: a BEGIN deferred past a
     * {@code \sleep} would start its transaction later than pgbench does (no server connection held, no idle in
     * transaction), so only a BEGIN followed by SQL is deferred.
     */
    private static boolean sqlBeforeAnySleep(List<Command> commands, int from) {
        for (int c = from; c < commands.size(); c++) {
            if (commands.get(c) instanceof Command.Sql) {
                return true;
            }
            if (commands.get(c) instanceof Command.Sleep) {
                return false;
            }
        }
        return false;
    }

    /** Prepares every script's SQL commands on {@code session}: at the start and after each reconnect. */
    public void connect(Connection session) throws SQLException {
        closeStatements();
        PreparedStatement[][] prepared = new PreparedStatement[plan.scripts().size()][];
        for (int s = 0; s < prepared.length; s++) {
            List<Command> commands = plan.scripts().get(s).script().commands();
            prepared[s] = new PreparedStatement[commands.size()];
            for (int c = 0; c < commands.size(); c++) {
                if (commands.get(c) instanceof Command.Sql sql) {
                    prepared[s][c] = session.prepareStatement(sql.jdbcText());
                }
            }
        }
        this.statements = prepared;
        this.connection = session;
        this.session = session.unwrap(BaseConnection.class);
    }

    private void closeStatements() {
        if (statements == null) {
            return;
        }
        for (PreparedStatement[] script : statements) {
            for (PreparedStatement p : script) {
                if (p != null) {
                    try {
                        p.close();
                    } catch (SQLException ignored) {
                        // the session is gone or going: nothing to release on the server
                    }
                }
            }
        }
        statements = null;
    }

    /** Which script the last transaction ran, as an index into the plan's scripts. */
    public int lastScript() {
        return lastScript;
    }

    /** Runs one transaction; returns normally when it committed (or the script ended without error). */
    public void runTransaction() throws SQLException {
        int script = pick();
        lastScript = script;
        current.start(script, plan.scripts().get(script).script().commands().size());
        long drawSeed = clientRandom.nextSeed();
        for (int attempt = 1; ; attempt++) {
            random = new ScriptRandom(drawSeed);
            current.failedCommand = -1;
            try {
                runScript(script);
                return;
            } catch (SQLException e) {
                rollbackIfOpen();
                if (attempt < plan.maxTries() && retryable(e)) {
                    current.retries++;
                    continue;
                }
                throw e;
            }
        }
    }

    /**
     * The transaction {@link #runTransaction()} ran has ended, as the run judged it: its latency (from when it was
     * due), whether it succeeded, and whether it fell in the warm-up.
     */
    public void ended(long latencyNanos, boolean ok, boolean warmingUp) {
        stats.transaction(current, latencyNanos, ok, warmingUp);
    }

    /** Serialization failures and deadlocks: pgbench 15 tries them again. */
    public static boolean retryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    private int pick() {
        if (plan.scripts().size() == 1) {
            return 0;
        }
        long ticket = clientRandom.uniform(1, plan.totalWeight());
        List<WeightedScript> scripts = plan.scripts();
        for (int i = 0; i < scripts.size(); i++) {
            ticket -= scripts.get(i).weight();
            if (ticket <= 0) {
                return i;
            }
        }
        return scripts.size() - 1;
    }

    private void runScript(int script) throws SQLException {
        List<Command> commands = plan.scripts().get(script).script().commands();
        PreparedStatement[] prepared = statements[script];
        String name = plan.scripts().get(script).script().name();
        boolean timed = stats.perCommand();
        for (int c = 0; c < commands.size(); c++) {
            Command command = commands.get(c);
            long start = timed ? System.nanoTime() : 0;
            try {
                switch (command) {
                    case Command.Set set -> variables.put(set.variable(), set.expression().eval(this));
                    case Command.Sleep sleep -> sleeper.sleep(Math.max(0, sleep.amount().eval(this).asInt()) * sleep.nanosPerUnit());
                    case Command.Sql sql -> {
                        if (plainBegin[script][c] && connection.getAutoCommit() && session.getTransactionState() == TransactionState.IDLE) {
                            // one round trip less than pgbench's: the driver opens the transaction with the next statement
                            connection.setAutoCommit(false);
                        } else {
                            execute(prepared[c], sql);
                            if (!connection.getAutoCommit() && session.getTransactionState() == TransactionState.IDLE) {
                                // END, COMMIT or ROLLBACK closed it; nothing is left for the driver to commit
                                connection.setAutoCommit(true);
                            }
                        }
                    }
                }
            } catch (ScriptEvaluationError e) {
                rollbackIfOpen();
                throw new ScriptAbort(name + ":" + command.line() + ": " + e.getMessage() + " (in " + command.source() + ")");
            } catch (SQLException e) {
                current.failedCommand = c;
                throw e;
            } finally {
                if (timed) {
                    current.commandNanos[c] += System.nanoTime() - start;
                    current.commandRuns[c]++;
                }
            }
        }
        if (!connection.getAutoCommit() || session.getTransactionState() != TransactionState.IDLE) {
            rollbackIfOpen();
            // as pgbench 15, which aborts the client
            throw new ScriptAbort(name + ": end of script reached without completing the last transaction");
        }
    }

    private void execute(PreparedStatement statement, Command.Sql sql) throws SQLException {
        List<String> names = sql.variables();
        for (int i = 0; i < names.size(); i++) {
            // text of no declared type, as pgbench sends its parameters: the server infers int, numeric or text
            statement.setObject(i + 1, variable(names.get(i)).text(), Types.OTHER);
        }
        if (statement.execute()) {
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    // pgbench reads and discards the rows
                }
            }
        }
        while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
            // a compound command (\;) has a result per statement
        }
    }

    private void rollbackIfOpen() {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
                return;
            }
            TransactionState state = session.getTransactionState();
            if (state != TransactionState.IDLE) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                }
            }
        } catch (SQLException ignored) {
            // the session is broken: the caller sees the original error and reconnects
        }
    }

    @Override
    public Value variable(String name) {
        Value v = variables.get(name);
        if (v == null) {
            throw new ScriptEvaluationError("undefined variable :" + name);
        }
        return v;
    }

    @Override
    public ScriptRandom random() {
        return random;
    }

    public void close() {
        closeStatements();
    }
}
