package dev.snowpulse.workload.script;

import dev.snowpulse.testing.Pgbench;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SnowPulse's expression language against the real pgbench 15 on the same input: each expression is run once by
 * pgbench inside {@code debug()}, whose output (type and value) must be exactly what SnowPulse evaluates.
 */
class PgbenchExpressionsTest {

    /** The variables both sides start with: pgbench gets them as -D, SnowPulse as the scope's variables. */
    private static final Map<String, String> DEFINED = Map.of("x", "12", "y", "2.5", "big", "9223372036854775807",
            "default_seed", "42");

    private static final List<String> DETERMINISTIC = List.of(
            // precedence and integer arithmetic
            "1 + 2 * 3", "(1 + 2) * 3", "7 / 2", "-7 / 2", "7 % 3", "-7 % 3", "7 % -3", "mod(-7, 3)", "7.5 % 2", "- - 4",
            "5 | 3 & 1", "1 << 62", "-8 >> 1", "~5", "5 # 3", "~ 5 + 1", "1 + 2 << 1",
            // doubles and how they print
            "7.0 / 2", "1.0 / 3", "1 / 3.0", "2.0 * 1e20", "1e-5 * 3", "0.0001", "0.00001", "1e15", "1e14 + 0.5", "123456.789e3",
            "-0.0", "-1e-300 * 1e-300", ".5 + 1", "3.", "1e308 * 10", "-1e308 * 10",
            // functions
            "abs(-17)", "abs(-:big - 1)", "abs(-2.5)", "least(3, 1.5, 2)", "least(3, 1, 2)", "greatest(1, 2, 3)", "greatest(1, 2.5)",
            "int(2.5)", "int(3.5)", "int(-2.5)", "int(7.49)", "double(7)", "pi()", "sqrt(2)", "ln(10)", "exp(1)",
            "pow(2, 10)", "power(2.5, 3)", "pow(2, -1)", "sqrt(-1)",
            "hash(5)", "hash(5, 7)", "hash_murmur2(5, 7)", "hash_fnv1a(5, 7)", "hash_fnv1a(-1, 0)", "hash_murmur2(:x)",
            "hash(:big, :x)",
            // comparisons and logic
            "5 > 3", "5 >= 5", "2 <> 2", "2 != 3", "3 = 3.0", "2 < 1.5", "2 <= 2", "true and false",
            "1 < 2 and 2 < 3", "not (1 < 2)", "not true or true", "false or null", "true or null", "null and true", "false and null",
            "null is null", "5 is not null", "(1 < 2) is true", "(1 < 2) is not false", "null is true", "5 isnull", "5 notnull",
            "case when 1 > 2 then 10 when 2 > 1 then 20 else 30 end", "case when false then 1 end",
            "case when null then 1 else 2 end", "case when 2 then 1 else 0 end", "case when 0.0 then 1 else 0 end", "case when 1 < 2 then 1.5 else 2 end",
            // NULL propagation
            "1 + null", "least(1, null)", "abs(null)", "null = null", "debug(null)",
            // variables
            ":x * :y", ":x / 5", ":x % 5", ":big", "-:big - 1", ":x * 1000000000000", "-:x",
            // random with one possible value
            "random(3, 3)", "random_exponential(4, 4, 1.0)", "random_zipfian(5, 5, 1.5)", "random_gaussian(6, 6, 2.5)",
            "random(-9223372036854775807 - 1, -9223372036854775807 - 1)");

    /** Expressions pgbench refuses while it runs (the client aborts): SnowPulse must refuse them too. */
    private static final List<String> RUN_TIME_ERRORS = List.of(
            "1 / 0", "1 % 0", ":big + 1", "-:big - 2", ":big * 2", "int(1e30)", "1 and 0", "random(5, 1)",
            "random_gaussian(1, 10, 1.5)", "random_zipfian(1, 10, 0.5)", "random_exponential(1, 10, 0)", "true = false", "1 < true",
            "(-:big - 1) / -1", "not 1", ":undefined + 1",
            "random(-:big - 1, :big)", "random(0, :big)");

    @TempDir
    static Path dir;

    @BeforeAll
    static void pgbenchIsHere() {
        assumeTrue(Pgbench.available(), "pgbench 15 is part of the postgresql-15 package CI installs");
    }

    private static List<String> pgbenchArgs(Path script, String... more) {
        List<String> args = new ArrayList<>(List.of("-n", "-t", "1", "--random-seed=7", "-f", script.toString()));
        DEFINED.forEach((name, value) -> args.add("-D" + name + "=" + value));
        args.addAll(List.of(more));
        return args;
    }

    private static Value ours(String expression) {
        Map<String, Value> variables = new java.util.HashMap<>();
        DEFINED.forEach((name, value) -> variables.put(name, Value.parse(value)));
        ScriptRandom random = new ScriptRandom(7);
        return ExprParser.parse(expression).eval(new Expr.Scope() {
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
        });
    }

    @Test
    void everyDeterministicExpressionEvaluatesExactlyAsPgbenchPrintsIt() throws Exception {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < DETERMINISTIC.size(); i++) {
            script.append("\\set v").append(i).append(" debug(").append(DETERMINISTIC.get(i)).append(")\n");
        }
        Path file = dir.resolve("expressions.sql");
        Files.writeString(file, script);

        Pgbench.Result pgbench = Pgbench.run("postgres", pgbenchArgs(file).toArray(String[]::new));

        assertThat(pgbench.exit()).as(pgbench.err()).isZero();
        List<String> printed = pgbench.debugLines();
        List<String> theirs = new ArrayList<>();
        List<String> mine = new ArrayList<>();
        for (String expression : DETERMINISTIC) {
            // debug(null) prints twice: its own debug() inside the test's
            if (expression.startsWith("debug(")) {
                mine.add(expression + " -> " + Function.describe(ours(expression.substring(6, expression.length() - 1))));
            }
            mine.add(expression + " -> " + Function.describe(ours(expression)));
            while (theirs.size() < mine.size()) {
                int line = theirs.size();
                theirs.add(expression + " -> " + (line < printed.size() ? printed.get(line) : "(nothing printed)"));
            }
        }
        assertThat(mine).containsExactlyElementsOf(theirs);
    }

    @Test
    void whatPgbenchRefusesWhileRunningSnowPulseRefusesToo() throws Exception {
        for (String expression : RUN_TIME_ERRORS) {
            Path file = dir.resolve("error.sql");
            Files.writeString(file, "\\set v " + expression + "\n");

            Pgbench.Result pgbench = Pgbench.run("postgres", pgbenchArgs(file).toArray(String[]::new));
            Throwable snowpulse = catchThrowable(() -> ours(expression));

            assertThat(pgbench.err()).as("pgbench on " + expression).contains("aborted");
            assertThat(snowpulse).as("SnowPulse on " + expression).isInstanceOf(ScriptEvaluationError.class);
        }
    }

    @Test
    void whatPgbenchCannotParseSnowPulseCannotParse() throws Exception {
        for (String expression : List.of("3 < 2 < 1", "random(1)", "abs(1, 2)", "1 +", "(1 + 2", "foo(1)", "1 2", "x + 1",
                "case 1 end", "hash(1, 2, 3)", "least()", "1 $ 2", "99999999999999999999")) {
            Path file = dir.resolve("syntax.sql");
            Files.writeString(file, "\\set v " + expression + "\n");

            Pgbench.Result pgbench = Pgbench.run("postgres", pgbenchArgs(file).toArray(String[]::new));
            Throwable snowpulse = catchThrowable(() -> ExprParser.parse(expression));

            assertThat(pgbench.exit()).as("pgbench on " + expression + ": " + pgbench.err()).isEqualTo(1);
            assertThat(snowpulse).as("SnowPulse on " + expression).isInstanceOf(ExprParser.ParseProblem.class);
        }
    }
}
