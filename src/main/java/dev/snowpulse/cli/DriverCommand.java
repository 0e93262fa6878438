package dev.snowpulse.cli;

import dev.snowpulse.db.DriverDownload;
import dev.snowpulse.db.SnowflakeDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

@Command(name = "driver",
        description = {"The Snowflake JDBC driver: status, install and removal.",
                "The installers leave it out (99 MB): SnowPulse downloads it once, checks its SHA-256 and keeps it in",
                "its data directory."},
        mixinStandardHelpOptions = true)
public final class DriverCommand {

    private final CliContext context;

    public DriverCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "status", description = "Where snowflake-jdbc comes from; exit 1 when it is not installed.")
    int status() {
        SnowflakeDriver.Status status = driver().status();
        context.out().println(status.describe());
        if (!status.available()) {
            context.out().println("install it with: snowpulse driver install   (from " + driver().repository() + ")");
        }
        return status.available() ? Cli.OK : Cli.FAILURE;
    }

    @Command(name = "install", description = {"Download snowflake-jdbc, or install it from a jar you have (--from).",
            "From Maven Central (or SNOWPULSE_MAVEN_REPOSITORY); its SHA-256 is checked either way."})
    int install(@Option(names = "--from", paramLabel = "JAR", description = "Install from this file instead of downloading") Path from)
            throws IOException {
        SnowflakeDriver driver = driver();
        String source = from != null ? from.toString() : driver.repository();
        context.err().println("installing " + driver.artifact().describe() + " from " + source);
        DriverDownload.Progress progress = new Progress();
        SnowflakeDriver.Status status = from != null ? driver.installFrom(from, progress) : driver.install(progress);
        context.err().println();
        context.out().println(status.describe() + " (SHA-256 checked)");
        return Cli.OK;
    }

    private SnowflakeDriver driver() {
        return context.services().connections().snowflakeDriver();
    }

    /** A line on stderr every tenth of the way, so a log of the run stays short. */
    private final class Progress implements DriverDownload.Progress {
        private int shownTenths = -1;

        @Override
        public void bytes(long done, long total) {
            int tenths = total > 0 ? (int) (done * 10 / total) : -1;
            if (tenths != shownTenths && tenths >= 0) {
                shownTenths = tenths;
                context.err().printf(Locale.ROOT, "\r%3d %% of %.0f MB", tenths * 10, total / 1e6);
                context.err().flush();
            }
        }
    }
}
