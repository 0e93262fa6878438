package dev.snowpulse.server.pooler;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SslMode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * TLS for the console as the profile's sslmode asks, the way the PostgreSQL driver treats the same profile:
 * {@code prefer} and {@code require} encrypt without checking the certificate; {@code verify-ca} checks it against
 * the profile's root certificate (or the JDK's trusted ones), {@code verify-full} the host name too.
 */
final class ConsoleTls {

    private ConsoleTls() {
    }

    /** Whether the mode asks the server for TLS at all ({@code disable} and {@code allow} start without it). */
    static boolean asks(SslMode mode) {
        return mode != SslMode.DISABLE && mode != SslMode.ALLOW;
    }

    /** {@code plain} after the server said yes to the SSLRequest, wrapped and handshaken. */
    static Socket wrap(Socket plain, PostgresSettings settings) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust(settings)}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, settings.host(), settings.port(), true);
            if (settings.sslMode() == SslMode.VERIFY_FULL) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
            }
            tls.startHandshake();
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS to the pooler's console could not be set up: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trust(PostgresSettings settings) throws GeneralSecurityException, IOException {
        if (!settings.sslMode().verifiesCertificate()) {
            return new EncryptOnly();
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (settings.sslRootCert() == null) {
            factory.init((KeyStore) null);
        } else {
            KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
            roots.load(null, null);
            try (InputStream in = Files.newInputStream(Path.of(settings.sslRootCert()))) {
                int n = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    roots.setCertificateEntry("root-" + n++, c);
                }
            }
            factory.init(roots);
        }
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** sslmode prefer and require: the traffic is encrypted, the server's certificate is not checked (as libpq). */
    private static final class EncryptOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // the console never asks the client for a certificate here
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // not checked: what sslmode require means
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
