package dev.snowpulse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command. Without a subcommand, {@code snowpulse} opens the desktop app instead (see SnowPulse). */
@Command(name = "snowpulse",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.VersionProvider.class,
        description = {
                "Monitor and drive Snowflake Postgres workloads and Snowflake pipelines.",
                "Run without arguments to open the desktop app."},
        subcommands = {ProfilesCommand.class, InitCommand.class, QueriesCommand.class, WorkloadCommand.class, IngestCommand.class, KpisCommand.class, TopCommand.class, StatementsCommand.class, PipelineCommand.class, DriverCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage error."})
public final class SnowPulseCommand implements Runnable {

    private final CliContext context;

    public SnowPulseCommand(CliContext context) {
        this.context = context;
    }

    /** Given before or after the subcommand, it lands in the context that every command reads it from. */
    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Connection profile to use (default: Local demo).")
    void profile(String name) {
        context.chooseProfile(name);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (e.g. profiles)");
    }
}
