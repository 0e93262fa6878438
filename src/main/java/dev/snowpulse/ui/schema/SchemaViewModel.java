package dev.snowpulse.ui.schema;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.schema.FileState;
import dev.snowpulse.schema.MigrationFailure;
import dev.snowpulse.schema.SchemaFile;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.schema.SchemaStatus;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.GuardedActions;
import dev.snowpulse.schema.Restock;
import dev.snowpulse.validation.FieldError;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Schema tab: each SQL file's state on the active profile's database, Initialize / Upgrade with a live log,
 * a file's SQL, and Reset demo data. Write actions on a prod profile need the profile's name.
 */
public final class SchemaViewModel {

    private final ShellViewModel shell;
    private final ConnectionService connections;
    private final GuardedActions guard;
    private final Background background;

    private final ObservableList<SchemaFile> files = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("Initialize");
    private final StringProperty failure = new SimpleStringProperty("");
    private final StringProperty sql = new SimpleStringProperty("");
    private final StringProperty sqlTitle = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty usable = new SimpleBooleanProperty();
    private final BooleanProperty canMigrate = new SimpleBooleanProperty();

    private static final String READ_STATE = "read schema state";

    public SchemaViewModel(ShellViewModel shell, ConnectionService connections, ProdGuard prodGuard, Background background) {
        this.shell = shell;
        this.connections = connections;
        this.guard = new GuardedActions(shell, prodGuard);
        this.background = background;
        // the log and the last message belong to the profile they were written for
        shell.activeProfileProperty().addListener((obs, old, now) -> {
            log.clear();
            failure.set("");
            forgetFiles("");
        });
    }

    /** Adds a line unless the user has switched to another profile meanwhile. */
    private void logFor(ConnectionProfile profile, String line) {
        if (shell.activeProfileProperty().get() == profile) {
            log.add(line);
        }
    }

    /** Reads the state of every file on the active profile's database, clearing the last message. */
    public void refresh() {
        failure.set("");
        reload();
    }

    private void reload() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (profile == null || !(profile.connection() instanceof PostgresSettings)) {
            usable.set(false);
            canMigrate.set(false);
            files.clear();
            target.set(profile == null ? "No active profile" : profile.name() + " is a " + profile.kind().label() + " profile");
            summary.set("Connect a Postgres profile in the Connections tab to initialise its schema.");
            return;
        }
        usable.set(true);
        target.set(profile.name() + " · " + profile.connection().summary());
        work(READ_STATE, () -> schema(profile).status(), status -> {
            if (shell.activeProfileProperty().get() == profile) {
                show(status);
            }
        });
    }

    /** The files shown were another database's, or could not be read: none are shown, nothing is offered. */
    private void forgetFiles(String why) {
        files.clear();
        canMigrate.set(false);
        action.set("Initialize");
        summary.set(why);
    }

    public boolean needsProdConfirmation() {
        return guard.needsConfirmation();
    }

    public String prodQuestion(String what) {
        return guard.question(what);
    }

    /** Applies what is pending or changed; {@code typedName} is the prod guard's answer (null when not asked). */
    public void migrate(String typedName) {
        failure.set("");
        ConnectionProfile profile = guard.clear("Connect a Postgres profile first.", () -> null, action.get() + " the schema",
                typedName, failure::set).map(GuardedActions.Cleared::profile).orElse(null);
        if (profile == null) {
            return;
        }
        log.clear();
        log.add(action.get() + " on " + profile.name() + " (" + profile.connection().summary() + ")");
        work("apply schema", () -> {
            try {
                return schema(profile).initialize(event -> background.onUi(() -> logFor(profile, event.line())));
            } catch (MigrationFailure e) {
                throw new FailedMigration(e);
            }
        }, this::show);
    }

    /**
     * Empties orders and payments and restocks every product to {@code unitsText} units (as `snowpulse init
     * --reset-data --stock N`); a value that is not a number of units is refused with the field named.
     */
    public void resetDemoData(String typedName, String unitsText) {
        failure.set("");
        var cleared = guard.clear("Connect a Postgres profile first.", () -> {
            try {
                return Restock.typed(unitsText);
            } catch (FieldError e) {
                throw new IllegalArgumentException("Units per product: " + e.reason(), e);
            }
        }, "Resetting the demo data", typedName, failure::set).orElse(null);
        if (cleared == null) {
            return;
        }
        ConnectionProfile profile = cleared.profile();
        Restock restock = cleared.values();
        work("reset demo data", () -> {
            SchemaService schema = schema(profile);
            schema.resetDemoData(restock);
            return schema.status();
        }, status -> {
            logFor(profile, String.format(java.util.Locale.ROOT, "reset demo data: orders and payments emptied, every product restocked to %,d units",
                    restock.unitsPerProduct()));
            show(status);
        });
    }

    public void showSql(SchemaFile file) {
        if (file == null || file.script() == null) {
            sqlTitle.set("");
            sql.set("");
            return;
        }
        work("read " + file.script(), () -> SchemaService.sqlOf(file.script()), text -> {
            sqlTitle.set(file.script());
            sql.set(text);
        });
    }

    private SchemaService schema(ConnectionProfile profile) throws java.io.IOException {
        PostgresEndpoint endpoint = connections.postgres(profile);
        return new SchemaService(endpoint);
    }

    private void show(SchemaStatus status) {
        files.setAll(status.files());
        action.set(status.action());
        canMigrate.set(status.needsMigration());
        StringBuilder text = new StringBuilder().append(status.files().size()).append(" files: ")
                .append(status.count(FileState.APPLIED)).append(" applied");
        for (FileState state : new FileState[]{FileState.PENDING, FileState.CHANGED, FileState.FAILED}) {
            if (status.count(state) > 0) {
                text.append(", ").append(status.count(state)).append(' ').append(state.label());
            }
        }
        text.append(switch (status.origin()) {
            case EMPTY -> " · no SnowPulse history yet";
            case SEED_PROJECT -> " · built by the seed project: it will be adopted with its data";
            case MANAGED -> status.needsMigration() ? "" : " · up to date";
        });
        summary.set(text.toString());
    }

    private <T> void work(String what, Callable<T> job, Consumer<T> onSuccess) {
        busy.set(true);
        // not busy before either callback runs: a callback may start the next read, which is busy again
        background.run(what, job, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, error -> {
            busy.set(false);
            if (error instanceof FailedMigration failed) {
                failure.set("Stopped at " + failed.getCause().getMessage());
                log.add("stopped: " + failed.getCause().getMessage());
                reload();
            } else {
                failure.set("Could not " + what + ": " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
                if (what.equals(READ_STATE)) {
                    forgetFiles("State not read");
                }
            }
        });
    }

    /** Carries a MigrationFailure through the Callable boundary. */
    private static final class FailedMigration extends RuntimeException {
        FailedMigration(MigrationFailure cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    public ObservableList<SchemaFile> files() {
        return files;
    }

    public ObservableList<String> log() {
        return log;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty failureProperty() {
        return failure;
    }

    public StringProperty sqlProperty() {
        return sql;
    }

    public StringProperty sqlTitleProperty() {
        return sqlTitle;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty usableProperty() {
        return usable;
    }

    public ReadOnlyBooleanProperty canMigrateProperty() {
        return canMigrate;
    }
}
