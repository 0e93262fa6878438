package dev.snowpulse.profile.secret;

import com.github.javakeyring.Keyring;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, the freedesktop Secret Service
 * (GNOME Keyring, KWallet) on Linux. Before it is offered, a probe stores, reads back and deletes an entry,
 * because on Linux a library can load while no Secret Service answers on D-Bus.
 */
public final class OsKeychain implements Keychain {

    private static final String SERVICE = "SnowPulse";
    private static final String PROBE_ACCOUNT = "snowpulse-keychain-probe";
    private static final long PROBE_TIMEOUT_SECONDS = 5;

    private volatile Boolean available;
    private volatile String unavailableReason = "not checked yet";

    @Override
    public boolean isAvailable() {
        Boolean known = available;
        if (known == null) {
            synchronized (this) {
                if (available == null) {
                    available = probe();
                }
                known = available;
            }
        }
        return known;
    }

    private boolean probe() {
        CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(() -> {
            try (Keyring keyring = Keyring.create()) {
                String value = Long.toHexString(System.nanoTime());
                keyring.setPassword(SERVICE, PROBE_ACCOUNT, value);
                boolean roundTrip = value.equals(keyring.getPassword(SERVICE, PROBE_ACCOUNT));
                keyring.deletePassword(SERVICE, PROBE_ACCOUNT);
                if (!roundTrip) {
                    unavailableReason = "the keychain did not give back what was stored";
                }
                return roundTrip;
            } catch (Exception | LinkageError e) {
                unavailableReason = "no keychain answered (" + e.getClass().getSimpleName() + ")";
                return false;
            }
        });
        try {
            return result.get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            result.cancel(true);
            unavailableReason = "the keychain did not answer within " + PROBE_TIMEOUT_SECONDS + " s";
            return false;
        }
    }

    @Override
    public String unavailableReason() {
        return Boolean.TRUE.equals(available) ? "" : unavailableReason;
    }

    @Override
    public Optional<Secret> read(String profileName) {
        if (!isAvailable()) {
            return Optional.empty();
        }
        try (Keyring keyring = Keyring.create()) {
            String value = keyring.getPassword(SERVICE, profileName);
            return value == null ? Optional.empty() : Optional.of(new Secret(value));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void store(String profileName, Secret secret) {
        requireAvailable();
        try (Keyring keyring = Keyring.create()) {
            keyring.setPassword(SERVICE, profileName, secret.value());
        } catch (Exception e) {
            throw new IllegalStateException("could not store the secret of '" + profileName + "' in the keychain ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void delete(String profileName) {
        if (!isAvailable()) {
            return;
        }
        try (Keyring keyring = Keyring.create()) {
            keyring.deletePassword(SERVICE, profileName);
        } catch (Exception ignored) {
            // nothing stored under that name
        }
    }

    private void requireAvailable() {
        if (!isAvailable()) {
            throw new IllegalStateException("the OS keychain is not available: " + unavailableReason);
        }
    }
}
