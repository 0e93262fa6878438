package dev.snowpulse.testing;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SslMode;

/** Profiles for tests that need one without a database behind it. */
public final class SampleProfiles {

    private SampleProfiles() {
    }

    /** A Postgres profile with every setting filled in, its password from $SHOP_PASSWORD. */
    public static ConnectionProfile postgres(String name, EnvironmentKind env) {
        return new ConnectionProfile(name, Environment.of(env), new PostgresSettings("db.example", 5432, "shop", "app",
                SslMode.VERIFY_FULL, "/etc/ca.pem", "orders-app", SecretRef.environment("SHOP_PASSWORD")));
    }
}
