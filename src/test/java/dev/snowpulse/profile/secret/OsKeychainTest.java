package dev.snowpulse.profile.secret;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OS keychain for real. CI runs the suite inside a D-Bus session with an unlocked GNOME Keyring, so the round
 * trip runs there; without a session bus the other test checks that the keychain is not offered and says why.
 */
class OsKeychainTest {

    private static final boolean SESSION_BUS = System.getenv("DBUS_SESSION_BUS_ADDRESS") != null;

    @Test
    void storesReadsAndDeletesASecretInTheOsKeychain() {
        assumeTrue(SESSION_BUS, "needs a D-Bus session with a Secret Service (CI provides GNOME Keyring)");
        OsKeychain keychain = new OsKeychain();
        assertThat(keychain.isAvailable()).as(keychain.unavailableReason()).isTrue();
        String profile = "snowpulse-test-" + ProcessHandle.current().pid();
        try {
            keychain.store(profile, new Secret("kept-by-the-os"));
            assertThat(keychain.read(profile)).map(Secret::value).contains("kept-by-the-os");
        } finally {
            keychain.delete(profile);
        }
        assertThat(keychain.read(profile)).isEmpty();
    }

    @Test
    void withoutAKeychainItIsNotOfferedAndSaysWhy() {
        assumeTrue(!SESSION_BUS, "a session bus is present");
        OsKeychain keychain = new OsKeychain();
        long start = System.nanoTime();
        assertThat(keychain.isAvailable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(keychain.unavailableReason()).isNotBlank();
        assertThat(keychain.read("anything")).isEmpty();
        assertThatThrownBy(() -> keychain.store("x", new Secret("y"))).hasMessageContaining("not available");
    }
}
