package dev.snowpulse.ui.connections;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.ConnectionSettings;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.imports.PostgresUri;
import dev.snowpulse.profile.ProfileKind;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.profile.SslMode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editable fields of one profile, as text the user types. {@link #toProfile()} validates and names the field to
 * fix; the typed text stays as it was, so a mistake loses nothing.
 */
public final class ProfileForm {

    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<EnvironmentKind> environment = new SimpleObjectProperty<>(EnvironmentKind.DEV);
    final StringProperty environmentLabel = new SimpleStringProperty("");
    final StringProperty colour = new SimpleStringProperty(EnvironmentKind.DEV.defaultColour());
    final ObjectProperty<ProfileKind> kind = new SimpleObjectProperty<>(ProfileKind.POSTGRES);

    final StringProperty uri = new SimpleStringProperty("");
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty(Integer.toString(PostgresSettings.DEFAULT_PORT));
    final StringProperty database = new SimpleStringProperty("");
    final StringProperty user = new SimpleStringProperty("");
    final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>(SslMode.PREFER);
    final StringProperty sslRootCert = new SimpleStringProperty("");
    final StringProperty applicationName = new SimpleStringProperty(PostgresSettings.DEFAULT_APPLICATION_NAME);
    /** Ticked: no session state, unnamed statements only (see Pooler). Set by default for Snowflake Postgres's port 5431. */
    final javafx.beans.property.BooleanProperty transactionPooler = new javafx.beans.property.SimpleBooleanProperty();
    private dev.snowpulse.profile.Pooler loadedPooler = dev.snowpulse.profile.Pooler.NONE;

    final StringProperty account = new SimpleStringProperty("");
    final StringProperty role = new SimpleStringProperty("");
    final StringProperty warehouse = new SimpleStringProperty("");
    final StringProperty schema = new SimpleStringProperty("");
    final StringProperty snowflakeHost = new SimpleStringProperty("");
    final ObjectProperty<SnowflakeAuthenticator> authenticator = new SimpleObjectProperty<>(SnowflakeAuthenticator.PASSWORD);
    final StringProperty privateKeyFile = new SimpleStringProperty("");
    final StringProperty cliConnection = new SimpleStringProperty("");

    final ObjectProperty<SecretSource> secretSource = new SimpleObjectProperty<>(SecretSource.AUTO);
    final StringProperty secretVariable = new SimpleStringProperty("");

    ProfileForm() {
        // picking an environment picks its colour, unless the user chose one of their own
        environment.addListener((obs, old, now) -> {
            if (now != null && (old == null || colour.get().equalsIgnoreCase(old.defaultColour()))) {
                colour.set(now.defaultColour());
            }
        });
    }

    void clear(ProfileKind newKind) {
        load(null);
        kind.set(newKind);
    }

    void load(ConnectionProfile profile) {
        uri.set("");
        if (profile == null) {
            name.set("");
            environment.set(EnvironmentKind.DEV);
            environmentLabel.set("");
            colour.set(EnvironmentKind.DEV.defaultColour());
            host.set("");
            port.set(Integer.toString(PostgresSettings.DEFAULT_PORT));
            database.set("");
            user.set("");
            sslMode.set(SslMode.PREFER);
            sslRootCert.set("");
            applicationName.set(PostgresSettings.DEFAULT_APPLICATION_NAME);
            transactionPooler.set(false);
            loadedPooler = dev.snowpulse.profile.Pooler.NONE;
            account.set("");
            role.set("");
            warehouse.set("");
            schema.set("");
            snowflakeHost.set("");
            authenticator.set(SnowflakeAuthenticator.PASSWORD);
            privateKeyFile.set("");
            cliConnection.set("");
            secretSource.set(SecretSource.AUTO);
            secretVariable.set("");
            return;
        }
        name.set(profile.name());
        environment.set(profile.environment().kind());
        environmentLabel.set(profile.environment().kind() == EnvironmentKind.CUSTOM ? profile.environment().label() : "");
        colour.set(profile.environment().colour());
        kind.set(profile.kind());
        secretSource.set(profile.connection().secret().source());
        secretVariable.set(text(profile.connection().secret().environmentVariable()));
        switch (profile.connection()) {
            case PostgresSettings pg -> {
                host.set(pg.host());
                port.set(Integer.toString(pg.port()));
                database.set(pg.database());
                user.set(pg.user());
                sslMode.set(pg.sslMode());
                sslRootCert.set(text(pg.sslRootCert()));
                applicationName.set(pg.applicationName());
                loadedPooler = pg.pooler();
                transactionPooler.set(pg.transactionPooled());
            }
            case SnowflakeSettings sf -> {
                account.set(text(sf.account()));
                user.set(text(sf.user()));
                role.set(text(sf.role()));
                warehouse.set(text(sf.warehouse()));
                database.set(text(sf.database()));
                schema.set(text(sf.schema()));
                snowflakeHost.set(text(sf.host()));
                authenticator.set(sf.authenticator());
                privateKeyFile.set(text(sf.privateKeyFile()));
                cliConnection.set(text(sf.cliConnectionName()));
            }
        }
    }

    /** Fills the Postgres fields from a pasted libpq URI. Returns a note for the user (password ignored, ...). */
    String fillFromUri() {
        PostgresUri parsed = PostgresUri.parse(uri.get());
        host.set(parsed.host());
        port.set(Integer.toString(parsed.port()));
        database.set(parsed.database());
        if (parsed.user() != null) {
            user.set(parsed.user());
        }
        sslMode.set(parsed.sslMode());
        if (parsed.sslRootCert() != null) {
            sslRootCert.set(parsed.sslRootCert());
        }
        if (parsed.applicationName() != null) {
            applicationName.set(parsed.applicationName());
        }
        poolerDefault();
        uri.set("");
        StringBuilder note = new StringBuilder("Filled from the URI");
        if (parsed.password().isPresent()) {
            note.append("; its password was not kept (choose a password source below)");
        }
        if (!parsed.ignoredParameters().isEmpty()) {
            note.append("; ignored ").append(String.join(", ", parsed.ignoredParameters()));
        }
        return note.append('.').toString();
    }

    /** Host typed: a Snowflake Postgres host gets sslmode=require unless the user chose stronger. */
    void hostEdited() {
        if (PostgresSettings.isSnowflakePostgres(host.get()) && sslMode.get().ordinal() < SslMode.REQUIRE.ordinal()) {
            sslMode.set(SslMode.REQUIRE);
        }
        poolerDefault();
    }

    /** Snowflake Postgres's pooler port ticks the pooler box (its PgBouncer pools by transaction). */
    void poolerDefault() {
        try {
            if (dev.snowpulse.profile.Pooler.defaultFor(host.get(), Integer.parseInt(port.get().strip())) == dev.snowpulse.profile.Pooler.TRANSACTION) {
                transactionPooler.set(true);
            }
        } catch (NumberFormatException | NullPointerException notAPortYet) {
            // the port field says what is wrong when the profile is saved
        }
    }

    ConnectionProfile toProfile() {
        Environment env = new Environment(environment.get(), environmentLabel.get(), colour.get());
        SecretRef secret = new SecretRef(secretSource.get(), secretVariable.get());
        ConnectionSettings settings = kind.get() == ProfileKind.POSTGRES
                ? new PostgresSettings(host.get(), parsePort(), database.get(), user.get(), sslMode.get(),
                sslRootCert.get(), applicationName.get(), secret, transactionPooler.get() ? dev.snowpulse.profile.Pooler.TRANSACTION
                : loadedPooler == dev.snowpulse.profile.Pooler.SESSION ? dev.snowpulse.profile.Pooler.SESSION : dev.snowpulse.profile.Pooler.NONE)
                : new SnowflakeSettings(account.get(), user.get(), role.get(), warehouse.get(), database.get(), schema.get(),
                snowflakeHost.get(), authenticator.get(), privateKeyFile.get(), cliConnection.get(), secret);
        return new ConnectionProfile(name.get(), env, settings);
    }

    private int parsePort() {
        String text = port.get() == null ? "" : port.get().strip();
        if (text.isEmpty()) {
            return PostgresSettings.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port: '" + text + "' is not a number (PostgreSQL listens on 5432 by default)");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
