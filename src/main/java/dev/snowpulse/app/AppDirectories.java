package dev.snowpulse.app;

import java.nio.file.Path;

/**
 * Where SnowPulse keeps its files: the XDG base directories on Linux, Application Support on macOS,
 * APPDATA / LOCALAPPDATA on Windows. SNOWPULSE_CONFIG_DIR and SNOWPULSE_DATA_DIR override both (portable use, tests).
 */
public record AppDirectories(Path config, Path data) {

    private static final String LINUX_NAME = "snowpulse";
    private static final String DESKTOP_NAME = "SnowPulse";

    public static AppDirectories of(HostEnvironment host) {
        return new AppDirectories(
                host.variable(EnvVar.SNOWPULSE_CONFIG_DIR.name()).map(Path::of).orElseGet(() -> defaultConfig(host)),
                host.variable(EnvVar.SNOWPULSE_DATA_DIR.name()).map(Path::of).orElseGet(() -> defaultData(host)));
    }

    private static Path defaultConfig(HostEnvironment host) {
        if (host.isWindows()) {
            return host.variable(EnvVar.APPDATA.name()).map(Path::of).orElse(host.home().resolve("AppData/Roaming")).resolve(DESKTOP_NAME);
        }
        if (host.isMac()) {
            return host.home().resolve("Library/Application Support").resolve(DESKTOP_NAME);
        }
        return xdg(host, EnvVar.XDG_CONFIG_HOME.name(), ".config").resolve(LINUX_NAME);
    }

    private static Path defaultData(HostEnvironment host) {
        if (host.isWindows()) {
            return host.variable(EnvVar.LOCALAPPDATA.name()).map(Path::of).orElse(host.home().resolve("AppData/Local")).resolve(DESKTOP_NAME);
        }
        if (host.isMac()) {
            return host.home().resolve("Library/Application Support").resolve(DESKTOP_NAME);
        }
        return xdg(host, EnvVar.XDG_DATA_HOME.name(), ".local/share").resolve(LINUX_NAME);
    }

    /** The XDG spec says a relative path in these variables is invalid and must be ignored. */
    private static Path xdg(HostEnvironment host, String variable, String fallbackUnderHome) {
        return host.variable(variable).map(Path::of).filter(Path::isAbsolute).orElse(host.home().resolve(fallbackUnderHome));
    }

    /** SnowPulse's log files (see {@link LogFile}). */
    public Path logsDir() {
        return data.resolve("logs");
    }

    public Path profilesFile() {
        return config.resolve("profiles.json");
    }

    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    /** JDBC drivers SnowPulse downloads on first use rather than carry in its installers. */
    public Path driversDir() {
        return data.resolve("drivers");
    }

    public Path embeddedPostgresDir() {
        return data.resolve("embedded-postgres");
    }
}
