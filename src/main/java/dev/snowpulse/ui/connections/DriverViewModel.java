package dev.snowpulse.ui.connections;

import dev.snowpulse.db.DriverDownload;
import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Snowflake driver row of the Connections tab: whether snowflake-jdbc is there, and its download or install from a
 * file, with progress sampled at most ten times a second and a Cancel that leaves nothing half-written.
 */
public final class DriverViewModel {

    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    private final SnowflakeDriver driver;
    private final Background background;
    private final Runnable afterInstall;
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty missing = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private AtomicBoolean cancelled = new AtomicBoolean();

    /** {@code afterInstall} runs on the FX thread once a driver is installed (the shell retries a failed connect). */
    public DriverViewModel(SnowflakeDriver driver, Background background, Runnable afterInstall) {
        this.driver = driver;
        this.background = background;
        this.afterInstall = afterInstall;
    }

    /** Reads where the driver comes from (a file lookup: off the FX thread). */
    public void refresh() {
        background.run("look for the Snowflake driver", driver::status, this::show, e -> error.set(text(e)));
    }

    public void download() {
        start("Downloading " + driver.artifact().describe() + " from " + driver.repositoryHost() + " …",
                progress -> driver.install(progress));
    }

    public void installFrom(Path jar) {
        start("Checking and installing " + jar.getFileName() + " …", progress -> driver.installFrom(jar, progress));
    }

    public void cancel() {
        cancelled.set(true);
    }

    private interface Install {
        SnowflakeDriver.Status run(DriverDownload.Progress progress) throws Exception;
    }

    private void start(String what, Install install) {
        if (busy.get()) {
            return;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        busy.set(true);
        error.set("");
        progress.set(-1);
        progressText.set(what);
        long[] lastShown = {0};
        DriverDownload.Progress sampled = (done, total) -> {
            if (cancel.get()) {
                throw new CancellationException("cancelled");
            }
            long now = System.nanoTime();
            if (now - lastShown[0] >= PROGRESS_EVERY_NANOS || done == total) {
                lastShown[0] = now;
                background.onUi(() -> {
                    progress.set(total > 0 ? (double) done / total : -1);
                    progressText.set(String.format(Locale.ROOT, "%.0f of %s MB", done / 1e6, total > 0 ? String.format(Locale.ROOT, "%.0f", total / 1e6) : "?"));
                });
            }
        };
        background.run("install the Snowflake driver", () -> install.run(sampled), installed -> {
            busy.set(false);
            show(installed);
            progressText.set("Installed " + driver.artifact().fileName() + " (SHA-256 checked).");
            afterInstall.run();
        }, failure -> {
            busy.set(false);
            progress.set(-1);
            progressText.set("");
            error.set(failure instanceof CancellationException ? "Download cancelled; nothing was kept." : text(failure));
        });
    }

    private void show(SnowflakeDriver.Status now) {
        status.set(switch (now.source()) {
            case CLASS_PATH -> "snowflake-jdbc " + now.artifact().version() + " comes with this build.";
            case INSTALLED -> now.artifact().fileName() + " is installed in " + now.location().getParent() + ".";
            case MISSING -> "Snowflake profiles need the Snowflake JDBC driver, " + now.artifact().describe()
                    + ": SnowPulse downloads it once from " + driver.repositoryHost() + " and checks its SHA-256.";
        });
        missing.set(!now.available());
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty missingProperty() {
        return missing;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
