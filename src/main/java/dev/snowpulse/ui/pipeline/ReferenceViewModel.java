package dev.snowpulse.ui.pipeline;

import dev.snowpulse.pipeline.PipelineSession;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.Failures;
import dev.snowpulse.ui.common.GuardedActions;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The generator's reference tables: browse one, edit values in place. An edit is validated at once and becomes a
 * pending change, listed as "table key: column before → after"; nothing reaches the server until Apply.
 */
public final class ReferenceViewModel {

    private final ShellViewModel shell;
    private final PipelineSession session;
    private final GuardedActions guard;
    private final Background background;

    private final ObjectProperty<ReferenceTable> table = new SimpleObjectProperty<>(ReferenceTable.CUSTOMER_SEGMENTS);
    private final ObservableList<ReferenceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ReferenceChange> pending = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ReferenceViewModel(ShellViewModel shell, PipelineSession session, ProdGuard prodGuard, Background background) {
        this.shell = shell;
        this.session = session;
        this.guard = new GuardedActions(shell, prodGuard);
        this.background = background;
        table.addListener((obs, old, now) -> load());
        shell.activeProfileProperty().addListener((obs, old, now) -> {
            rows.clear();
            pending.clear();
        });
    }

    public void load() {
        ConnectionProfile profile = activeProfile();
        if (profile == null) {
            return;
        }
        ReferenceTable wanted = table.get();
        busy.set(true);
        background.run("read " + wanted.name(), () -> session.call(profile, g -> g.reference(wanted)), found -> {
            busy.set(false);
            if (wanted == table.get()) {
                rows.setAll(found);
                error.set("");
            }
        }, failure -> {
            busy.set(false);
            error.set(Failures.firstLine(failure));
        });
    }

    /** Validates an edit; a valid one replaces any pending change of the same cell. Returns whether it was taken. */
    public boolean propose(ReferenceRow row, String column, String value) {
        error.set("");
        message.set("");
        ReferenceChange change;
        try {
            change = ReferenceChange.of(row, column, value);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        pending.removeIf(p -> p.table() == change.table() && p.key().equals(change.key()) && p.column().equals(change.column()));
        if (change.changesAnything()) {
            pending.add(change);
        }
        return true;
    }

    public void discard() {
        pending.clear();
        error.set("");
        message.set("");
    }

    public boolean needsProdConfirmation() {
        return guard.needsConfirmation();
    }

    public String prodQuestion() {
        return guard.question("Changing the reference configuration");
    }

    public void apply(String typedName) {
        ConnectionProfile profile = activeProfile();
        if (profile == null || pending.isEmpty()
                || !guard.allowed(profile, "Changing the reference configuration", typedName, error::set)) {
            return;
        }
        List<ReferenceChange> changes = new ArrayList<>(pending);
        busy.set(true);
        background.run("change the reference configuration", () -> session.call(profile, g -> {
            for (ReferenceChange change : changes) {
                g.apply(change);
            }
            return changes.size();
        }), applied -> {
            busy.set(false);
            pending.removeAll(changes);
            message.set("Applied " + applied + " change" + (applied == 1 ? "" : "s") + "; the next generation run uses them.");
            load();
        }, failure -> {
            busy.set(false);
            error.set(Failures.firstLine(failure));
            load();
        });
    }

    private ConnectionProfile activeProfile() {
        return shell.activeProfileOr(error::set);
    }

    public ObjectProperty<ReferenceTable> tableProperty() { return table; }
    public ObservableList<ReferenceRow> rows() { return rows; }
    public ObservableList<ReferenceChange> pending() { return pending; }
    public StringProperty messageProperty() { return message; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
}
