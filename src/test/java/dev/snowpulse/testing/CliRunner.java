package dev.snowpulse.testing;

import dev.snowpulse.cli.Cli;
import dev.snowpulse.profile.PostgresSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs `snowpulse ...` in-process against a home of the test's own, capturing exit code, stdout and stderr. */
public final class CliRunner {

    public record Run(int exit, String out, String err) {
    }

    private final Path home;
    private final Map<String, String> variables = new HashMap<>();

    public CliRunner(Path home) {
        this.home = home;
    }

    public CliRunner variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, TestHosts.linux(home, variables), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Saves Snowflake profile {@code name} for alice@testacct on a fake endpoint, her password in {@code passwordVariable}. */
    public Run addSnowflakeProfile(String name, String url, String passwordVariable) {
        return run("profiles", "add", name, "--kind", "snowflake", "--account", "testacct", "--user", "alice",
                "--snowflake-host", url, "--password-source", "env", "--password-env", passwordVariable);
    }

    /** Saves a Postgres profile for a test database (trust authentication, no secret). */
    public Run addProfile(String name, String environment, PostgresSettings db) {
        return run("profiles", "add", name, "--env", environment, "--host", db.host(), "--port", Integer.toString(db.port()),
                "--database", db.database(), "--user", db.user(), "--password-source", "none");
    }
}
