package dev.snowpulse.workload.script;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a pgbench script becomes commands, and how a script that cannot run is refused with its place. */
class ScriptParserTest {

    private static PgbenchScript parse(String text) {
        return ScriptParser.parse("bench.sql", text, Set.of());
    }

    private static ScriptError refused(String text) {
        return catchThrowableOfType(ScriptError.class, () -> parse(text));
    }

    @Test
    void sqlCommandsEndAtSemicolonsAndVariablesBecomeParameters() {
        PgbenchScript script = parse("""
                -- a comment line
                \\set aid random(1, 100000 * :scale)
                \\set delta \\
                    random(-5000, 5000)
                BEGIN;
                UPDATE pgbench_accounts
                   SET abalance = abalance + :delta WHERE aid = :aid;
                SELECT ':aid is text', "col:aid", $$ :aid ; $$, $q$ ; $q$, aid::text, $1 FROM t WHERE x ? 'k' /* :aid ; */;
                SELECT 1 \\; SELECT :aid;
                END;
                """);

        assertThat(script.commands()).hasSize(7);
        assertThat(script.commands().get(0)).isInstanceOf(Command.Set.class).extracting(Command::line).isEqualTo(2);
        assertThat(script.commands().get(1)).isInstanceOf(Command.Set.class).extracting(Command::line).isEqualTo(3);
        List<Command.Sql> sql = script.sqlCommands();
        assertThat(sql).extracting(Command.Sql::line).containsExactly(5, 6, 8, 9, 10);
        assertThat(sql.get(1).jdbcText()).isEqualTo("UPDATE pgbench_accounts\n   SET abalance = abalance + ? WHERE aid = ?");
        assertThat(sql.get(1).variables()).containsExactly("delta", "aid");
        assertThat(sql.get(2).jdbcText())
                .isEqualTo("SELECT ':aid is text', \"col:aid\", $$ :aid ; $$, $q$ ; $q$, aid::text, $1 FROM t WHERE x ?? 'k' /* :aid ; */");
        assertThat(sql.get(2).variables()).isEmpty();
        assertThat(sql.get(3).jdbcText()).isEqualTo("SELECT 1 ; SELECT ?");
        assertThat(sql.get(3).variables()).containsExactly("aid");
        // as the report prints each command: on one line, as written
        assertThat(script.commands()).extracting(Command::source).containsExactly("\\set aid random(1, 100000 * :scale)",
                "\\set delta random(-5000, 5000)", "BEGIN;", "UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;",
                "SELECT ':aid is text', \"col:aid\", $$ :aid ; $$, $q$ ; $q$, aid::text, $1 FROM t WHERE x ? 'k' /* :aid ; */;",
                "SELECT 1 \\; SELECT :aid;", "END;");
    }

    @Test
    void aWordAfterAColonThatNoOneDefinesStaysAsWritten() {
        PgbenchScript script = ScriptParser.parse("s.sql", "SELECT :nobody, :max_customers, :client_id;", Set.of("max_customers"));

        assertThat(script.sqlCommands().getFirst().jdbcText()).isEqualTo("SELECT :nobody, ?, ?");
        assertThat(script.sqlCommands().getFirst().variables()).containsExactly("max_customers", "client_id");
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() {
        ScriptError e = refused("BEGIN;\n\\set aid random(1, 10 +)\nEND;\n");

        assertThat(e.file()).isEqualTo("bench.sql");
        assertThat(e.line()).isEqualTo(2);
        // the ')' the expression did not expect: "\set aid random(1, 10 +)" has it at column 24
        assertThat(e.column()).isEqualTo(24);
        assertThat(e.getMessage()).startsWith("bench.sql:2:24: ");
    }

    @Test
    void anUnknownFunctionIsPointedAt() {
        ScriptError e = refused("  \\set x 1 + rand(1, 2)\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.problem()).contains("'rand'");
    }

    @Test
    void whatSnowPulseDoesNotRunIsRefusedByNameNeverSkipped() {
        for (String meta : List.of("gset", "aset", "if :x = 1", "elif true", "else", "endif", "shell echo hi",
                "setshell v echo 1", "startpipeline", "endpipeline")) {
            ScriptError e = refused("SELECT 1;\n\\" + meta + "\nSELECT 2;\n");
            String name = meta.split(" ")[0];
            assertThat(e.line()).as(meta).isEqualTo(2);
            assertThat(e.problem()).as(meta).startsWith("\\" + name + " is not supported by SnowPulse");
        }
        assertThat(refused("\\sleep 10 minutes\n").problem()).contains("unknown time unit 'minutes'");
        assertThat(refused("\\frobnicate\n").problem()).contains("invalid command \\frobnicate");
        assertThat(refused("\\set x permute(1, 10)\n").problem()).contains("permute() is not supported");
    }

    @Test
    void aMetaCommandEndsTheSqlBeforeItAsPgbenchReadsIt() {
        PgbenchScript script = parse("SELECT 1\n\\set x 2\nSELECT :x;\n");

        assertThat(script.commands()).hasSize(3);
        assertThat(script.sqlCommands()).extracting(Command.Sql::jdbcText).containsExactly("SELECT 1", "SELECT ?");
        ScriptError gset = refused("SELECT 1 AS one\n\\gset\n");
        assertThat(gset.getMessage()).isEqualTo("bench.sql:2:1: \\gset is not supported by SnowPulse: the script would not run as written");
    }

    @Test
    void anUnterminatedQuoteNamesWhereItOpened() {
        ScriptError e = refused("SELECT 1;\nSELECT 'abc;\nSELECT 2;\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.problem()).contains("unterminated quote '");
    }

    @Test
    void anEmptyScriptIsRefused() {
        assertThat(refused("-- nothing\n\n").problem()).isEqualTo("the script has no command");
    }

    @Test
    void sleepTakesUnitsAndVariables() {
        PgbenchScript script = parse("\\set ms 5\n\\sleep :ms ms\n\\sleep 2\n\\sleep 300 us\nSELECT 1;\n");

        assertThat(script.commands()).hasSize(5);
        assertThat(((Command.Sleep) script.commands().get(1)).nanosPerUnit()).isEqualTo(1_000_000L);
        assertThat(((Command.Sleep) script.commands().get(2)).nanosPerUnit()).isEqualTo(1_000_000_000L);
        assertThat(((Command.Sleep) script.commands().get(3)).nanosPerUnit()).isEqualTo(1_000L);
    }

    @Test
    void pgbenchsBuiltinsParseAndAreFoundByPrefix() {
        for (String name : BuiltinScripts.texts().keySet()) {
            PgbenchScript script = ScriptParser.parse(name, BuiltinScripts.text(name),
                    Set.of("max_customers", "max_products", "min_quantity", "max_quantity"));
            assertThat(script.sqlCommands()).as(name).isNotEmpty();
        }
        assertThat(BuiltinScripts.resolve("tpcb")).isEqualTo("tpcb-like");
        assertThat(BuiltinScripts.resolve("select")).isEqualTo("select-only");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> BuiltinScripts.resolve("s")))
                .hasMessage("ambiguous built-in script name 's': simple-update, select-only");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> BuiltinScripts.resolve("tpcc")))
                .hasMessageContaining("no built-in script 'tpcc'").hasMessageContaining("tpcb-like, simple-update, select-only");
    }
}
