package dev.snowpulse.cli;

import dev.snowpulse.AppServices;
import dev.snowpulse.Version;
import dev.snowpulse.app.HostEnvironment;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** Runs one headless command. Exit codes: 0 ok, 1 failure, 2 usage error; messages on stderr. */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** The run ran, and one of its --threshold conditions did not hold: a CI job's "failed". */
    public static final int THRESHOLD_FAILED = 3;

    private Cli() {
    }

    public static int run(String[] args, HostEnvironment host, PrintWriter out, PrintWriter err) {
        CliContext context = new CliContext(memoize(() -> AppServices.create(host)), out, err);
        try {
            CommandLine commandLine = commandLine(context);
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(args);
        } finally {
            context.close();
            out.flush();
            err.flush();
        }
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Cli.class.getName());

    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new SnowPulseCommand(context), new CliFactory(context));
        commandLine.setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? USAGE : FAILURE);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String failure = CliFailureText.of(e);
            // INFO: the terminal has already been told; the log keeps it with its cause
            LOG.log(java.util.logging.Level.INFO, cmd.getCommandSpec().qualifiedName(" ") + ": " + failure, e);
            cmd.getErr().println("snowpulse: " + failure);
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("Try 'snowpulse " + cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^snowpulse ?", "") + " --help'.");
                return USAGE;
            }
            return FAILURE;
        });
        commandLine.setParameterExceptionHandler((e, params) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("snowpulse: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName(" ") + " --help'.");
            return USAGE;
        });
        return commandLine;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"SnowPulse " + Version.current(), "Java " + Runtime.version()};
        }
    }
}
