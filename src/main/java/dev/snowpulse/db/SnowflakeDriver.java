package dev.snowpulse.db;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Opens snowflake-jdbc connections. The driver is a 99 MB jar, so the installers leave it out: it is taken from the
 * class path where it is there (a build from source, the tests), else from the drivers directory, where
 * {@link #install} puts it on first use, downloaded and checked against its pinned SHA-256 (as DBeaver does).
 * A jar from the drivers directory gets a class loader of its own over the JDK's classes only: it is self-contained.
 */
public final class SnowflakeDriver {

    /** The public Maven repository; SNOWPULSE_MAVEN_REPOSITORY names a mirror instead. */
    public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");

    static final String DRIVER_CLASS = "net.snowflake.client.api.driver.SnowflakeDriver";

    /** Where the driver comes from. */
    public enum Source { CLASS_PATH, INSTALLED, MISSING }

    public record Status(Source source, DriverArtifact artifact, Path location) {
        public boolean available() {
            return source != Source.MISSING;
        }

        public String describe() {
            return switch (source) {
                case CLASS_PATH -> "snowflake-jdbc is on the class path";
                case INSTALLED -> artifact.fileName() + " is installed in " + location.getParent();
                case MISSING -> artifact.describe() + " is not installed yet";
            };
        }
    }

    /** No Snowflake connection is possible until the driver is installed; the message says how. */
    public static final class Missing extends SQLException {
        Missing(DriverArtifact artifact) {
            super("the Snowflake JDBC driver is not installed: download " + artifact.describe()
                    + " with Download driver in the Connections tab, or run 'snowpulse driver install'");
        }
    }

    private final DriverArtifact artifact;
    private final ClassLoader classPath;
    private final Path directory;
    private final String repository;
    private Driver loaded;

    SnowflakeDriver(DriverArtifact artifact, ClassLoader classPath, Path directory, String repository) {
        this.artifact = artifact;
        this.classPath = classPath;
        this.directory = directory;
        this.repository = repository;
    }

    /** The app's driver: the class path's, else the one installed in {@code directory}. */
    public static SnowflakeDriver of(Path directory, String repository) {
        return new SnowflakeDriver(DriverArtifact.snowflakeJdbc(), SnowflakeDriver.class.getClassLoader(), directory, repository);
    }

    /** Only a jar installed in {@code directory}: what an installed app without the jar in it sees. */
    public static SnowflakeDriver installedOnly(Path directory, String repository) {
        return new SnowflakeDriver(DriverArtifact.snowflakeJdbc(), ClassLoader.getPlatformClassLoader(), directory, repository);
    }

    /** Only the class path's: for tests and tools that have no data directory. */
    public static SnowflakeDriver classPath() {
        return new SnowflakeDriver(DriverArtifact.snowflakeJdbc(), SnowflakeDriver.class.getClassLoader(), null, MAVEN_CENTRAL.toString());
    }

    public Connection connect(JdbcTarget target) throws SQLException {
        Connection connection = driver().connect(target.url(), target.properties());
        if (connection == null) {
            throw new SQLException("snowflake-jdbc does not accept the URL for " + target.displayName());
        }
        return connection;
    }

    public Status status() {
        if (onClassPath()) {
            return new Status(Source.CLASS_PATH, artifact, null);
        }
        Path jar = directory == null ? null : directory.resolve(artifact.fileName());
        return jar != null && Files.isRegularFile(jar) ? new Status(Source.INSTALLED, artifact, jar) : new Status(Source.MISSING, artifact, jar);
    }

    public DriverArtifact artifact() {
        return artifact;
    }

    /** The repository as it was given (SNOWPULSE_MAVEN_REPOSITORY or Maven Central), for messages. */
    public String repository() {
        return repository;
    }

    /** The repository's host name, or what was given where it is not a URL. */
    public String repositoryHost() {
        try {
            String host = new URI(repository).getHost();
            return host == null ? repository : host;
        } catch (URISyntaxException e) {
            return repository;
        }
    }

    /** Downloads the driver from the repository; blocking, so off the FX thread. */
    public Status install(DriverDownload.Progress progress) throws IOException {
        new DriverDownload(artifact).fetch(repositoryUri(), directory(), progress);
        return status();
    }

    private URI repositoryUri() throws IOException {
        try {
            URI uri = new URI(repository);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IOException("the Maven repository '" + repository + "' is not an http(s) URL: set SNOWPULSE_MAVEN_REPOSITORY "
                + "to your mirror's address (e.g. https://nexus.example.com/repository/maven-public/), or unset it for Maven Central");
    }

    private Path directory() throws IOException {
        if (directory == null) {
            throw new IOException("this SnowPulse has no data directory to install drivers in");
        }
        return directory;
    }

    /** Installs the driver from a jar already on this machine; blocking. */
    public Status installFrom(Path jar, DriverDownload.Progress progress) throws IOException {
        new DriverDownload(artifact).copy(jar, directory(), progress);
        return status();
    }

    private synchronized Driver driver() throws SQLException {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private Driver load() throws SQLException {
        Status status = status();
        try {
            ClassLoader loader = switch (status.source()) {
                case CLASS_PATH -> classPath;
                case INSTALLED -> new URLClassLoader("snowflake-jdbc", new URL[]{jarUrl(status.location())}, ClassLoader.getPlatformClassLoader());
                case MISSING -> throw new Missing(artifact);
            };
            return (Driver) Class.forName(DRIVER_CLASS, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException(Optional.ofNullable(status.location()).map(p -> p + " is not a usable snowflake-jdbc")
                    .orElse("snowflake-jdbc on the class path cannot be loaded") + ": " + e, e);
        }
    }

    private boolean onClassPath() {
        return classPath.getResource(DRIVER_CLASS.replace('.', '/') + ".class") != null;
    }

    private static URL jarUrl(Path jar) throws SQLException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new SQLException("cannot load a driver from " + jar, e);
        }
    }
}
