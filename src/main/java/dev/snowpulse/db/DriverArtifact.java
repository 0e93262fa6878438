package dev.snowpulse.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * A JDBC driver jar as Maven Central publishes it, pinned by its SHA-256: what SnowPulse downloads on first use instead
 * of carrying it in the installers. The build stamps version and checksum from the pom (see drivers.properties).
 */
public record DriverArtifact(String groupId, String artifactId, String version, String sha256, long bytes) {

    public DriverArtifact {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 of " + artifactId + " must be 64 lowercase hex digits, not '" + sha256 + "'");
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("the size of " + artifactId + " must be positive");
        }
    }

    /** snowflake-jdbc, at the version the tests ran against (read from the build once). */
    public static DriverArtifact snowflakeJdbc() {
        return Stamped.SNOWFLAKE_JDBC;
    }

    /** Loaded on first use: a class loader initialises this holder once, whichever thread asks first. */
    private static final class Stamped {
        static final DriverArtifact SNOWFLAKE_JDBC = read();
    }

    private static DriverArtifact read() {
        Properties stamped = new Properties();
        try (InputStream in = DriverArtifact.class.getResourceAsStream("drivers.properties")) {
            if (in == null) {
                throw new IllegalStateException("drivers.properties is missing from the build");
            }
            stamped.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("drivers.properties could not be read", e);
        }
        return new DriverArtifact("net.snowflake", "snowflake-jdbc", stamped.getProperty("snowflake-jdbc.version"),
                stamped.getProperty("snowflake-jdbc.sha256").toLowerCase(Locale.ROOT),
                Long.parseLong(stamped.getProperty("snowflake-jdbc.bytes")));
    }

    public String fileName() {
        return artifactId + "-" + version + ".jar";
    }

    /** Where the jar sits in a repository with Maven's layout. */
    public URI in(URI repository) {
        String base = repository.toString().endsWith("/") ? repository.toString() : repository + "/";
        return URI.create(base + groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName());
    }

    public String describe() {
        return fileName() + String.format(Locale.ROOT, " (%.0f MB)", bytes / 1e6);
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
