package dev.snowpulse.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What SnowPulse reads from the machine it runs on: environment variables, the home directory and the OS.
 * Passed explicitly (never read from statics deep inside) so tests can run against a home of their own.
 */
public record HostEnvironment(Map<String, String> variables, Path home, String osName) {

    public HostEnvironment {
        variables = Map.copyOf(variables);
        if (home == null) {
            throw new IllegalArgumentException("home directory is required");
        }
        osName = osName == null ? "" : osName;
    }

    public static HostEnvironment current() {
        return of(System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"));
    }

    /**
     * The home the user's environment names: {@code $HOME} where it is an absolute path (as libpq, the Snowflake CLI
     * and the shell use it), else the account's home. Java's {@code user.home} is the account's home and ignores
     * {@code HOME}. On Windows the account's profile folder.
     */
    public static HostEnvironment of(Map<String, String> variables, String accountHome, String osName) {
        HostEnvironment account = new HostEnvironment(variables, Path.of(accountHome), osName);
        if (account.isWindows()) {
            return account;
        }
        return account.variable(EnvVar.HOME.name()).map(Path::of).filter(Path::isAbsolute)
                .map(home -> new HostEnvironment(variables, home, osName)).orElse(account);
    }

    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public boolean isWindows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    public boolean isMac() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }
}
