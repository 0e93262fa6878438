package dev.snowpulse.ui.common;

import dev.snowpulse.db.ConnectionCheck;
import dev.snowpulse.profile.ConnectionProfile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The shell's state: which profile is active, whether it is connected, the theme, and notices for the user. */
public final class ShellViewModel {

    private final ConnectionChecks checks;
    private final ReadOnlyObjectWrapper<ConnectionProfile> activeProfile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.NOT_CONNECTED);
    private final ReadOnlyStringWrapper stateDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    // the application_name of the newest workload run started here, so the Server tab can show that run's sessions
    private final ReadOnlyStringWrapper runApplication = new ReadOnlyStringWrapper("");
    private long attempt;

    public ShellViewModel(ConnectionChecks checks) {
        this.checks = checks;
    }

    /** Makes a profile the active one and connects it; a later call wins over an earlier one still running. */
    public void connect(ConnectionProfile profile) {
        connect(profile, check -> { });
    }

    /** As {@link #connect(ConnectionProfile)}, telling {@code done} how it went unless a later connect overtook it. */
    public void connect(ConnectionProfile profile, java.util.function.Consumer<ConnectionCheck> done) {
        long thisAttempt = ++attempt;
        activeProfile.set(profile);
        state.set(ConnectionState.CONNECTING);
        stateDetail.set(profile.connection().summary());
        checks.check(profile, check -> {
            if (thisAttempt == attempt) {
                apply(check);
                done.accept(check);
            }
        });
    }

    /** Connects the active profile again if its last attempt failed: something it lacked (a driver) is there now. */
    public void retryFailed() {
        if (state.get() == ConnectionState.FAILED && activeProfile.get() != null) {
            connect(activeProfile.get());
        }
    }

    private void apply(ConnectionCheck check) {
        state.set(check.ok() ? ConnectionState.CONNECTED : ConnectionState.FAILED);
        stateDetail.set(check.ok() ? check.summary() : check.message());
    }

    /** The active profile was edited or renamed in the Connections tab. */
    public void profileChanged(String previousName, ConnectionProfile updated) {
        ConnectionProfile current = activeProfile.get();
        if (current != null && current.name().equals(previousName)) {
            connect(updated);
        }
    }

    public void profileRemoved(String name) {
        ConnectionProfile current = activeProfile.get();
        if (current != null && current.name().equals(name)) {
            attempt++;
            activeProfile.set(null);
            state.set(ConnectionState.NOT_CONNECTED);
            stateDetail.set("");
        }
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void setThemeFrom(Theme saved) {
        theme.set(saved == null ? Theme.LIGHT : saved);
    }

    public void runStarted(String applicationName) {
        runApplication.set(applicationName == null ? "" : applicationName);
    }

    public ReadOnlyStringProperty runApplicationProperty() {
        return runApplication.getReadOnlyProperty();
    }

    public void setNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    public ReadOnlyObjectProperty<ConnectionProfile> activeProfileProperty() {
        return activeProfile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateDetailProperty() {
        return stateDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The active profile; without one, tells {@code error} to pick one and gives null. */
    public ConnectionProfile activeProfileOr(java.util.function.Consumer<String> error) {
        ConnectionProfile profile = activeProfile.get();
        if (profile == null) {
            error.accept("Pick a profile in the Connections tab first.");
        }
        return profile;
    }
}
