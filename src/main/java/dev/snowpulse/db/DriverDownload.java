package dev.snowpulse.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Puts a driver jar into a directory, from a Maven repository or from a file, and keeps it only when its SHA-256 is the
 * pinned one. The jar is written beside its final name and moved into place at the end, so an interrupted or altered
 * download never leaves a jar that would be loaded.
 */
public final class DriverDownload {

    /** How far a download is; {@code total} is -1 while the size is not known. */
    @FunctionalInterface
    public interface Progress {
        void bytes(long done, long total);
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final int REPORT_EVERY = 1 << 20;

    private final DriverArtifact artifact;

    public DriverDownload(DriverArtifact artifact) {
        this.artifact = artifact;
    }

    /** Downloads the jar from {@code repository} (Maven's layout) into {@code directory}; returns where it is now. */
    public Path fetch(URI repository, Path directory, Progress progress) throws IOException {
        URI url = artifact.in(repository);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).header("User-Agent", "SnowPulse").GET().build();
        try (client) {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(url.getHost() + " answered HTTP " + response.statusCode() + " for " + url
                            + ": check the repository (SNOWPULSE_MAVEN_REPOSITORY) or install the driver from a file");
                }
                long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                return keep(body, directory, total, progress, "the download from " + url);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the download of " + artifact.fileName() + " was cancelled");
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException | java.nio.channels.UnresolvedAddressException e) {
            throw new IOException("could not reach " + repository + " to download " + artifact.fileName()
                    + ": check the network or proxy, point SNOWPULSE_MAVEN_REPOSITORY at a mirror, or install the driver from a file", e);
        }
    }

    /** Copies a jar the user already has (an offline machine, a company mirror) into {@code directory}. */
    public Path copy(Path jar, Path directory, Progress progress) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not a file: choose the " + artifact.fileName() + " you downloaded");
        }
        try (InputStream in = Files.newInputStream(jar)) {
            return keep(in, directory, Files.size(jar), progress, jar.toString());
        }
    }

    private Path keep(InputStream in, Path directory, long total, Progress progress, String source) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(artifact.fileName());
        Path partial = Files.createTempFile(directory, artifact.fileName(), ".part");
        try {
            MessageDigest sha256 = sha256();
            long done = 0;
            long reported = 0;
            byte[] buffer = new byte[64 * 1024];
            progress.bytes(0, total);
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("the download of " + artifact.fileName() + " was cancelled");
                    }
                    out.write(buffer, 0, n);
                    sha256.update(buffer, 0, n);
                    done += n;
                    if (done - reported >= REPORT_EVERY) {
                        progress.bytes(done, total);
                        reported = done;
                    }
                }
            }
            progress.bytes(done, total);
            String actual = DriverArtifact.hex(sha256.digest());
            if (!actual.equals(artifact.sha256())) {
                throw new IOException(source + " is not the " + artifact.fileName() + " SnowPulse was tested with: its SHA-256 is "
                        + actual + ", expected " + artifact.sha256() + " (" + String.format(java.util.Locale.ROOT, "%,d", done)
                        + " bytes read). Try again, or install from a copy you trust.");
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
