package dev.snowpulse.ui.connections;

import dev.snowpulse.db.ConnectionCheck;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.profile.secret.Keychain;
import dev.snowpulse.profile.imports.PgEnvironmentImport;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.store.ProfileChanges;
import dev.snowpulse.profile.store.ProfileExchange;
import dev.snowpulse.profile.ProfileKind;
import dev.snowpulse.profile.store.ProfileStore;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.imports.SnowflakeCliConnections;
import dev.snowpulse.profile.store.StoreProblem;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** State and actions of the Connections tab. Every file or network access runs through {@link Background}. */
public final class ConnectionsViewModel {

    /** How the message line under the form reads. */
    public enum MessageKind { INFO, SUCCESS, ERROR }

    private final ProfileCatalog catalog;
    private final HostEnvironment host;
    private final Keychain keychain;
    private final ProdGuard prodGuard;
    private final ConnectionChecks checks;
    private final ShellViewModel shell;
    private final Background background;

    final ProfileForm form = new ProfileForm();
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final BooleanProperty builtInSelected = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty keychainAvailable = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<MessageKind> messageKind = new SimpleObjectProperty<>(MessageKind.INFO);
    private String editingName;

    public ConnectionsViewModel(ProfileCatalog catalog, HostEnvironment host, Keychain keychain, ProdGuard prodGuard,
                                ConnectionChecks checks, ShellViewModel shell, Background background) {
        this.catalog = catalog;
        this.host = host;
        this.keychain = keychain;
        this.prodGuard = prodGuard;
        this.checks = checks;
        this.shell = shell;
        this.background = background;
        catalog.store().addListener(() -> background.onUi(this::noticeOutsideChange));
    }

    /** Loads the profiles and probes the keychain, both off the FX thread. */
    public void load(String preferredName) {
        work("load profiles", catalog::all, all -> {
            prodGuard.remember(all);
            profiles.setAll(all);
            select(all.stream().filter(p -> p.name().equals(preferredName)).findFirst().orElse(all.getFirst()));
            catalog.store().duplicatesNotice().ifPresent(n -> show(MessageKind.ERROR, n));
            catalog.store().problem().ifPresent(p -> show(MessageKind.ERROR, p.message()));
        });
        background.run("probe keychain", keychain::isAvailable, keychainAvailable::set, e -> keychainAvailable.set(false));
    }

    public void select(ConnectionProfile profile) {
        selected.set(profile);
        editingName = profile == null ? null : profile.name();
        builtInSelected.set(profile != null && ProfileCatalog.isBuiltIn(profile.name()));
        form.load(profile);
        show(MessageKind.INFO, builtInSelected.get()
                ? "The Local demo is built in: it uses a PostgreSQL on this machine, or starts an embedded one."
                : "");
    }

    /** Whether the form differs from what is saved (a new, unsaved profile always does). */
    public boolean hasUnsavedChanges() {
        if (builtInSelected.get()) {
            return false;
        }
        try {
            return !form.toProfile().equals(selected.get());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    public String unsavedName() {
        return form.name.get().isBlank() ? "the new profile" : "'" + form.name.get() + "'";
    }

    public void newProfile(ProfileKind kind) {
        selected.set(null);
        editingName = null;
        builtInSelected.set(false);
        form.clear(kind);
        form.name.set(uniqueName(kind == ProfileKind.POSTGRES ? "new-postgres" : "new-snowflake"));
        show(MessageKind.INFO, "New " + kind.label() + " profile: fill in the fields and save.");
    }

    public void save() {
        save(null);
    }

    /** Whether saving the form changes a profile the prod guard protects (the dialog asks first). */
    public boolean saveNeedsConfirmation() {
        ConnectionProfile base = selected.get();
        if (base == null || !prodGuard.needsConfirmation(base)) {
            return false;
        }
        try {
            return !form.toProfile().equals(base);
        } catch (IllegalArgumentException e) {
            return false; // the form's own message comes first
        }
    }

    public String saveQuestion() {
        ConnectionProfile base = selected.get();
        try {
            return prodGuard.questionOnProfile(base, "Save these changes to").replace("?",
                    " (" + ProfileChanges.describe(base, form.toProfile()) + ")?");
        } catch (IllegalArgumentException e) {
            return prodGuard.questionOnProfile(base, "Save these changes to");
        }
    }

    /**
     * Saves the form over the profile it was loaded from. {@code typedName} is what the prod guard dialog got (null
     * otherwise). When another process changed or removed the profile meanwhile, nothing is written: the form keeps
     * the user's edits and says so, and saving again keeps them.
     */
    public void save(String typedName) {
        ConnectionProfile profile = validated();
        if (profile == null) {
            return;
        }
        ConnectionProfile base = selected.get();
        boolean guarded = base != null && prodGuard.needsConfirmation(base) && !profile.equals(base);
        if (guarded) {
            ProdGuard.Decision decision = prodGuard.check(base, "Saving changes", typedName);
            if (!decision.allowed()) {
                show(MessageKind.ERROR, decision.message());
                return;
            }
        }
        String previous = editingName;
        work("save profile", () -> {
            catalog.saveEdit(base, profile);
            return catalog.all();
        }, all -> {
            if (guarded) {
                prodGuard.confirmed(base.name());
            }
            prodGuard.remember(all);
            profiles.setAll(all);
            selected.set(profile);
            editingName = profile.name();
            shell.profileChanged(previous, profile);
            show(MessageKind.SUCCESS, "Saved '" + profile.name() + "'.");
        }, failure -> {
            if (!(failure instanceof ProfileStore.ChangedElsewhere changed)) {
                return false;
            }
            profiles.setAll(catalog.all());
            // the saved version becomes the base, the form keeps the edits: Save again keeps them
            selected.set(changed.current().orElse(null));
            editingName = changed.current().map(ConnectionProfile::name).orElse(null);
            show(MessageKind.ERROR, changed.getMessage());
            return true;
        });
    }

    /**
     * profiles.json changed outside this window (the CLI, another window, an editor): the list shows what is saved
     * now, the form follows unless it holds unsaved edits, and the active profile is reconnected with its new settings.
     */
    void noticeOutsideChange() {
        List<ConnectionProfile> all = catalog.all();
        prodGuard.remember(all);
        ConnectionProfile base = selected.get();
        boolean editing = hasUnsavedChanges();
        profiles.setAll(all);
        catalog.store().problem().filter(StoreProblem::readOnly).ifPresent(p -> show(MessageKind.ERROR, p.message()));
        catalog.store().duplicatesNotice().ifPresent(n -> show(MessageKind.ERROR, n));
        ConnectionProfile active = shell.activeProfileProperty().get();
        if (active != null && !ProfileCatalog.isBuiltIn(active.name())) {
            catalog.find(active.name()).ifPresentOrElse(now -> {
                if (!now.equals(active)) {
                    shell.profileChanged(active.name(), now);
                }
            }, () -> shell.profileRemoved(active.name()));
        }
        if (base == null || ProfileCatalog.isBuiltIn(base.name())) {
            return;
        }
        ConnectionProfile saved = catalog.find(base.name()).orElse(null);
        if (base.equals(saved)) {
            return;
        }
        if (!editing) {
            select(saved != null ? saved : all.getFirst());
            show(MessageKind.INFO, "'" + base.name() + "' was " + (saved != null ? "changed" : "removed")
                    + " outside this window (by the CLI or another SnowPulse)" + (saved != null ? "; showing the saved version." : "."));
            return;
        }
        selected.set(saved);
        editingName = saved == null ? null : saved.name();
        show(MessageKind.INFO, "'" + base.name() + "' was " + (saved != null ? "changed" : "removed")
                + " outside this window (by the CLI or another SnowPulse). " + (saved != null
                ? "Revert shows the saved version; Save keeps yours." : "Save adds it back with your changes."));
    }

    public void revert() {
        if (selected.get() != null) {
            select(selected.get());
        } else {
            form.clear(form.kind.get());
        }
    }

    public boolean removalNeedsConfirmation() {
        return selected.get() != null && prodGuard.needsConfirmation(selected.get());
    }

    public String removalQuestion() {
        return selected.get() == null ? "" : prodGuard.questionOnProfile(selected.get(), "Remove");
    }

    /** Removes the selected profile; {@code typedName} is what the prod guard dialog got (null otherwise). */
    public void remove(String typedName) {
        ConnectionProfile profile = selected.get();
        if (profile == null || ProfileCatalog.isBuiltIn(profile.name())) {
            show(MessageKind.ERROR, "Select a saved profile to remove; the Local demo is built in.");
            return;
        }
        ProdGuard.Decision decision = prodGuard.check(profile, "Removal", typedName);
        if (!decision.allowed()) {
            show(MessageKind.ERROR, decision.message());
            return;
        }
        work("remove profile", () -> {
            catalog.remove(profile.name());
            keychain.delete(profile.name());
            return catalog.all();
        }, all -> {
            prodGuard.confirmed(profile.name());
            profiles.setAll(all);
            shell.profileRemoved(profile.name());
            select(all.getFirst());
            show(MessageKind.SUCCESS, "Removed '" + profile.name() + "'.");
        });
    }

    /** Tests what the form holds now, saved or not. */
    public void test() {
        ConnectionProfile profile = validated();
        if (profile == null) {
            return;
        }
        busy.set(true);
        show(MessageKind.INFO, "Testing " + profile.connection().summary() + " …");
        checks.check(profile, this::showCheck);
    }

    private void showCheck(ConnectionCheck check) {
        busy.set(false);
        if (check.ok()) {
            show(MessageKind.SUCCESS, "Connected: " + check.summary());
        } else {
            show(MessageKind.ERROR, check.message());
        }
    }

    /** Makes the selected, saved profile the active one. */
    public void connect() {
        ConnectionProfile profile = selected.get();
        if (profile == null) {
            show(MessageKind.ERROR, "Save the profile before connecting with it.");
            return;
        }
        show(MessageKind.INFO, "Connecting with '" + profile.name() + "' …");
        shell.connect(profile, check -> show(check.ok() ? MessageKind.SUCCESS : MessageKind.ERROR, check.ok()
                ? "'" + profile.name() + "' is the active profile: " + check.summary()
                : "Could not connect with '" + profile.name() + "': " + check.message()));
    }

    public void fillFromUri() {
        try {
            show(MessageKind.INFO, form.fillFromUri());
        } catch (IllegalArgumentException e) {
            show(MessageKind.ERROR, e.getMessage());
        }
    }

    public void importFromEnvironment() {
        try {
            ConnectionProfile profile = PgEnvironmentImport.profile(host, null, Environment.of(EnvironmentKind.DEV));
            String name = uniqueName(profile.name());
            saveImported(List.of(profile.withName(name)), "from the PG* environment variables");
        } catch (IllegalArgumentException e) {
            show(MessageKind.ERROR, e.getMessage());
        }
    }

    public Path snowflakeConnectionsFile() {
        return SnowflakeCliConnections.location(host);
    }

    public void importSnowflakeConnections(Path file) {
        work("read connections.toml", () -> SnowflakeCliConnections.read(file).stream()
                        .map(e -> new ConnectionProfile(e.name(), Environment.of(EnvironmentKind.DEV), e.settings())).toList(),
                imported -> saveImported(imported, "from " + file));
    }

    public void importJson(Path file) {
        work("read profiles", () -> ProfileExchange.read(file), imported -> saveImported(imported, "from " + file));
    }

    public void exportJson(Path file) {
        work("export profiles", () -> {
            List<ConnectionProfile> saved = catalog.store().list();
            ProfileExchange.export(saved, file);
            return saved.size();
        }, count -> show(MessageKind.SUCCESS, "Exported " + count + " profile(s) to " + file + " (no secrets)."));
    }

    private void saveImported(List<ConnectionProfile> imported, String source) {
        work("import profiles", () -> {
            List<String> skipped = new ArrayList<>();
            for (ConnectionProfile p : imported) {
                if (catalog.find(p.name()).isPresent()) {
                    skipped.add(p.name());
                } else {
                    catalog.save(null, p);
                }
            }
            return skipped;
        }, skipped -> {
            profiles.setAll(catalog.all());
            int added = imported.size() - skipped.size();
            show(skipped.isEmpty() ? MessageKind.SUCCESS : MessageKind.INFO, "Imported " + added + " profile(s) " + source
                    + (skipped.isEmpty() ? "." : "; skipped existing " + String.join(", ", skipped) + "."));
            imported.stream().filter(p -> !skipped.contains(p.name())).findFirst().ifPresent(this::select);
        });
    }

    public void storeSecretInKeychain(String secret) {
        String name = editingName;
        if (name == null || ProfileCatalog.isBuiltIn(name)) {
            show(MessageKind.ERROR, "Save the profile first; the secret is stored under its name.");
            return;
        }
        work("store secret", () -> {
            keychain.store(name, new Secret(secret));
            return name;
        }, stored -> show(MessageKind.SUCCESS, "Stored the secret of '" + stored + "' in the OS keychain."));
    }

    private ConnectionProfile validated() {
        try {
            return form.toProfile();
        } catch (IllegalArgumentException e) {
            show(MessageKind.ERROR, "Fix " + e.getMessage());
            return null;
        }
    }

    private String uniqueName(String base) {
        String name = base;
        for (int n = 2; containsName(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private boolean containsName(String name) {
        return profiles.stream().anyMatch(p -> p.name().equals(name));
    }

    private <T> void work(String what, Callable<T> job, Consumer<T> onSuccess) {
        work(what, job, onSuccess, failure -> false);
    }

    /** {@code handled}: a failure the caller explains itself (true), else the generic message. */
    private <T> void work(String what, Callable<T> job, Consumer<T> onSuccess, Predicate<Throwable> handled) {
        busy.set(true);
        background.run(what, job, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            if (handled.test(failure)) {
                return;
            }
            String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            show(MessageKind.ERROR, (failure instanceof IllegalArgumentException ? "Fix " : "Could not " + what + ": ") + text);
        });
    }

    private void show(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    public ProfileForm form() {
        return form;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public BooleanProperty builtInSelectedProperty() {
        return builtInSelected;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty keychainAvailableProperty() {
        return keychainAvailable;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<MessageKind> messageKindProperty() {
        return messageKind;
    }
}
