package dev.snowpulse.ui.connections;

import dev.snowpulse.AppServices;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.ProfileKind;
import dev.snowpulse.profile.store.ProfileStore;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.ConnectionState;
import dev.snowpulse.ui.common.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connections tab's behaviour without a stage: real profile files, a real PostgreSQL, work run inline. */
class ConnectionsViewModelTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private AppServices services;
    private ShellViewModel shell;
    private ConnectionsViewModel model;
    private ConnectionChecks checks;

    @BeforeEach
    void wire() {
        services = AppServices.create(TestHosts.linux(home), new InMemoryKeychain(true));
        DirectBackground background = new DirectBackground();
        checks = new ConnectionChecks(services.connections(), services.secrets().session(), background);
        shell = new ShellViewModel(checks);
        model = new ConnectionsViewModel(services.profiles(), services.host(), services.secrets().keychain(),
                services.prodGuard(), checks, shell, background);
        model.load(null);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void fillLocal(String name) {
        model.newProfile(ProfileKind.POSTGRES);
        ProfileForm form = model.form();
        form.name.set(name);
        form.host.set(TestPostgres.HOST);
        form.port.set(Integer.toString(TestPostgres.PORT));
        form.database.set(pg.database());
        form.user.set(TestPostgres.USER);
        form.secretSource.set(SecretSource.NONE);
    }

    @Test
    void startsWithTheLocalDemoSelectedAndReadOnly() {
        assertThat(model.profiles()).extracting(ConnectionProfile::name).containsExactly("Local demo");
        assertThat(model.selectedProperty().get().name()).isEqualTo("Local demo");
        assertThat(model.builtInSelectedProperty().get()).isTrue();
    }

    @Test
    void aSnowflakePostgresPoolerPortTicksThePoolerAndTheChoiceIsSavedAndLoaded() throws Exception {
        model.newProfile(ProfileKind.POSTGRES);
        ProfileForm form = model.form();
        form.name.set("pooled");
        form.uri.set("postgres://app@abc.sfc.us-west-2.aws.postgres.snowflake.app:5431/postgres");
        model.fillFromUri();
        assertThat(form.transactionPooler.get()).as("port 5431 of a Snowflake Postgres host is its PgBouncer").isTrue();
        form.secretSource.set(SecretSource.NONE);
        model.save();

        PostgresSettings saved = (PostgresSettings) services.profiles().require("pooled").connection();
        assertThat(saved.pooler()).isEqualTo(dev.snowpulse.profile.Pooler.TRANSACTION);
        assertThat(java.nio.file.Files.readString(services.profiles().store().file())).contains("\"pooler\" : \"transaction\"");

        form.transactionPooler.set(false);
        model.save();
        assertThat(((PostgresSettings) services.profiles().require("pooled").connection()).pooler()).isEqualTo(dev.snowpulse.profile.Pooler.NONE);
    }

    @Test
    void aBadFieldIsNamedAndTheTypedTextStays() {
        fillLocal("shop");
        model.form().port.set("54x2");

        model.save();

        assertThat(model.messageKindProperty().get()).isEqualTo(ConnectionsViewModel.MessageKind.ERROR);
        assertThat(model.messageProperty().get()).isEqualTo("Fix port: '54x2' is not a number (PostgreSQL listens on 5432 by default)");
        assertThat(model.form().port.get()).isEqualTo("54x2");
        assertThat(model.form().name.get()).isEqualTo("shop");
        assertThat(services.profiles().store().list()).isEmpty();
    }

    @Test
    void savingWritesTheProfileAndSelectsIt() {
        fillLocal("shop");
        model.form().environment.set(EnvironmentKind.STAGING);

        model.save();

        assertThat(model.messageProperty().get()).isEqualTo("Saved 'shop'.");
        assertThat(services.profiles().store().find("shop")).hasValueSatisfying(p -> {
            assertThat(p.environment().colour()).isEqualTo(EnvironmentKind.STAGING.defaultColour());
            assertThat(p.connection()).isInstanceOf(PostgresSettings.class);
        });
        assertThat(model.selectedProperty().get().name()).isEqualTo("shop");
    }

    @Test
    void testingReportsTheServerAndConnectingMakesItActive() {
        fillLocal("shop");
        model.test();
        assertThat(model.messageProperty().get()).startsWith("Connected: PostgreSQL ");

        model.save();
        model.connect();
        assertThat(shell.activeProfileProperty().get().name()).isEqualTo("shop");
        assertThat(shell.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(shell.stateDetailProperty().get()).startsWith("PostgreSQL ");
        assertThat(model.messageProperty().get()).startsWith("'shop' is the active profile: PostgreSQL ");
    }

    @Test
    void aPromptedPasswordIsKeptInMemoryOnly() {
        fillLocal("prompted");
        model.form().secretSource.set(SecretSource.PROMPT);
        StringBuilder asked = new StringBuilder();
        checks.setPrompter((profile, reason) -> {
            asked.append(reason);
            return Optional.of("typed-at-prompt");
        });

        model.test();

        assertThat(asked.toString()).contains("asks for its password");
        assertThat(services.secrets().session().get("prompted")).isPresent();
        assertThat(model.messageProperty().get()).startsWith("Connected: ");
    }

    @Test
    void pastingASnowsightUriFillsTheFieldsAndDropsThePassword() {
        model.newProfile(ProfileKind.POSTGRES);
        model.form().uri.set("postgres://snowflake_admin:pw@abc.sfc.aws.postgres.snowflake.app:5432/postgres");

        model.fillFromUri();

        assertThat(model.form().host.get()).isEqualTo("abc.sfc.aws.postgres.snowflake.app");
        assertThat(model.form().user.get()).isEqualTo("snowflake_admin");
        assertThat(model.form().sslMode.get()).isEqualTo(SslMode.REQUIRE);
        assertThat(model.form().uri.get()).isEmpty();
        assertThat(model.messageProperty().get()).contains("password was not kept");

        model.form().uri.set("http://nope");
        model.fillFromUri();
        assertThat(model.messageProperty().get()).contains("must start with postgres://");
    }

    @Test
    void typingASnowflakePostgresHostRaisesSslmodeToRequire() {
        model.newProfile(ProfileKind.POSTGRES);
        model.form().host.set("x.postgres.snowflake.app");
        model.form().hostEdited();
        assertThat(model.form().sslMode.get()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void removingAProdProfileNeedsItsName() {
        fillLocal("orders-prod");
        model.form().environment.set(EnvironmentKind.PROD);
        model.save();

        assertThat(model.removalNeedsConfirmation()).isTrue();
        model.remove("orders");
        assertThat(model.messageProperty().get()).contains("does not match");
        assertThat(services.profiles().store().find("orders-prod")).isPresent();

        model.remove("orders-prod");
        assertThat(services.profiles().store().find("orders-prod")).isEmpty();
    }

    @Test
    void editsAreTrackedUntilSaved() {
        assertThat(model.hasUnsavedChanges()).as("the built-in Local demo").isFalse();
        fillLocal("shop");
        assertThat(model.hasUnsavedChanges()).isTrue();
        model.save();
        assertThat(model.hasUnsavedChanges()).isFalse();
        model.form().database.set("other");
        assertThat(model.hasUnsavedChanges()).isTrue();
        assertThat(model.unsavedName()).isEqualTo("'shop'");
        model.revert();
        assertThat(model.hasUnsavedChanges()).isFalse();
        model.form().port.set("not a port");
        assertThat(model.hasUnsavedChanges()).as("invalid input counts as a change").isTrue();
    }

    @Test
    void newProfilesGetUniqueNames() {
        model.newProfile(ProfileKind.SNOWFLAKE);
        assertThat(model.form().name.get()).isEqualTo("new-snowflake");
        model.form().account.set("acme-x");
        model.form().user.set("u");
        model.save();
        model.newProfile(ProfileKind.SNOWFLAKE);
        assertThat(model.form().name.get()).isEqualTo("new-snowflake-2");
    }

    /** Another process (a CLI run beside the app) writing profiles.json through a store of its own. */
    private ProfileStore otherProcess() {
        return ProfileStore.open(services.directories().profilesFile());
    }

    @Test
    void aProfileTheCliAddsAppearsAndTheOneOnScreenFollowsItsSavedVersion() throws Exception {
        fillLocal("shop");
        model.save();
        ConnectionProfile saved = model.selectedProperty().get();

        otherProcess().save(null, new ConnectionProfile("from-cli", saved.environment(), saved.connection()));
        otherProcess().save("shop", new ConnectionProfile("shop", Environment.of(EnvironmentKind.STAGING), saved.connection()));
        assertThat(services.profiles().store().reloadIfChanged()).isTrue();

        assertThat(model.profiles()).extracting(ConnectionProfile::name).containsExactly("Local demo", "shop", "from-cli");
        assertThat(model.form().environment.get()).as("no unsaved edit: the form shows the saved version").isEqualTo(EnvironmentKind.STAGING);
        assertThat(model.messageProperty().get()).contains("'shop' was changed outside this window");
    }

    @Test
    void anEditOfAProfileChangedOutsideIsNotLostAndSavingAgainKeepsIt() throws Exception {
        fillLocal("shop");
        model.save();
        ConnectionProfile saved = model.selectedProperty().get();
        model.form().database.set("typed-in-the-app");
        // the CLI changes it before the watcher has noticed
        otherProcess().save("shop", new ConnectionProfile("shop", Environment.of(EnvironmentKind.STAGING), saved.connection()));

        model.save();

        assertThat(model.messageKindProperty().get()).isEqualTo(ConnectionsViewModel.MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("was changed outside this window").contains("Save again keeps yours");
        assertThat(model.form().database.get()).as("the edit stays in the form").isEqualTo("typed-in-the-app");
        assertThat(otherProcess().find("shop").orElseThrow().environment().kind()).isEqualTo(EnvironmentKind.STAGING);

        model.save();

        assertThat(model.messageProperty().get()).isEqualTo("Saved 'shop'.");
        assertThat(((PostgresSettings) otherProcess().find("shop").orElseThrow().connection()).database()).isEqualTo("typed-in-the-app");
    }

    @Test
    void savingChangesToAProdProfileNeedsItsNameAndAProfileMadeDevOutsideStaysGuarded() throws Exception {
        fillLocal("shop-prod");
        model.form().environment.set(EnvironmentKind.PROD);
        model.save();
        model.form().database.set("elsewhere");

        assertThat(model.saveNeedsConfirmation()).isTrue();
        assertThat(model.saveQuestion()).contains("prod profile 'shop-prod'").contains("database " + pg.database() + " → elsewhere");
        model.save(null);
        assertThat(model.messageProperty().get()).contains("refused on prod profile 'shop-prod'");
        assertThat(((PostgresSettings) otherProcess().find("shop-prod").orElseThrow().connection()).database()).isEqualTo(pg.database());

        // an edit of profiles.json turns it into a dev profile: this window keeps guarding it
        model.revert();
        ConnectionProfile prod = otherProcess().find("shop-prod").orElseThrow();
        otherProcess().save("shop-prod", new ConnectionProfile("shop-prod", Environment.of(EnvironmentKind.DEV), prod.connection()));
        services.profiles().store().reloadIfChanged();
        assertThat(model.selectedProperty().get().isProd()).isFalse();
        assertThat(services.prodGuard().needsConfirmation(model.selectedProperty().get())).isTrue();
        assertThat(model.removalQuestion()).contains("prod until it was changed outside this window");

        model.form().database.set("elsewhere");
        model.save("shop-prod");
        assertThat(model.messageProperty().get()).isEqualTo("Saved 'shop-prod'.");
        assertThat(services.prodGuard().needsConfirmation(model.selectedProperty().get())).as("confirmed here").isFalse();
    }
}
