package it.io.factoryops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS key and the token signing key are different keys in different keystores: whoever holds the TLS key
 * (a load balancer, an ingress that re-encrypts) cannot mint tokens, and renewing the certificate does not
 * change the token key. HTTPS negotiates only forward-secret key exchanges: ECDHE on TLS 1.2, or TLS 1.3;
 * a client offering only static-RSA (TLS_RSA_*) suites is refused.
 */
class TransportAndSigningKeysIT {

    private static final String HOST = "localhost";
    private static final int HTTPS_PORT = Integer.getInteger("https.port", 9543);

    private static SSLContext tls;

    @BeforeAll
    static void trustTheConfiguredCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(System.getProperty("tls.keystore")))) {
            store.load(in, System.getProperty("tls.password").toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
    }

    @Test
    void anAccessTokenDoesNotVerifyWithTheServedCertificateButWithTheSigningKey() throws Exception {
        String token = Api.adminToken();
        X509Certificate served =
                (X509Certificate) handshake(List.of("TLSv1.3", "TLSv1.2"), null).getPeerCertificates()[0];
        assertFalse(
                Tokens.verifies(token, served.getPublicKey()),
                "a super admin's token verifies with the public key of the HTTPS certificate");
        java.security.PublicKey signing = Tokens.keystore(Tokens.serverKeystore(), Tokens.serverKeystorePassword())
                .getCertificate("default")
                .getPublicKey();
        assertTrue(Tokens.verifies(token, signing), "the token verifies with the signing keystore's key");
        assertNotEquals(served.getPublicKey(), signing);
    }

    /**
     * With FACTORY_TLS_CERTIFICATE=generated, HTTPS serves Liberty's defaultKeyStore (resources/security/key.p12):
     * no key of it verifies a token, and the signing keystore is another file.
     */
    @Test
    void libertysGeneratedHttpsKeystoreHoldsNoKeyThatVerifiesTokens() throws Exception {
        String token = Api.adminToken();
        Path liberty = Tokens.libertyKeystore();
        assertNotEquals(
                liberty.toAbsolutePath().normalize(),
                Tokens.serverKeystore().toAbsolutePath().normalize());
        if (Files.exists(liberty)) {
            KeyStore store = Tokens.keystore(liberty, Tokens.serverKeystorePassword());
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                assertFalse(
                        certificate != null && Tokens.verifies(token, certificate.getPublicKey()),
                        "the key '" + alias + "' of " + liberty
                                + " (the HTTPS key of FACTORY_TLS_CERTIFICATE=generated) verifies access tokens");
            }
        }
        assertTrue(Files.isRegularFile(Tokens.serverKeystore()), "the signing keystore of its own");
    }

    @Test
    void aClientOfferingOnlyStaticRsaKeyExchangeIsRefused() throws Exception {
        String[] staticRsa = Arrays.stream(tls.getSupportedSSLParameters().getCipherSuites())
                .filter(s -> s.startsWith("TLS_RSA_"))
                .toArray(String[]::new);
        assertTrue(staticRsa.length > 0, "this JVM offers TLS_RSA_* suites");
        assertThrows(
                SSLException.class,
                () -> handshake(List.of("TLSv1.2"), staticRsa),
                "a handshake offering only " + Arrays.toString(staticRsa));
        // nor anything else without ECDHE on TLS 1.2 (DHE, static ECDH)
        String[] noEcdhe = Arrays.stream(tls.getSupportedSSLParameters().getCipherSuites())
                .filter(s -> !s.startsWith("TLS_ECDHE_")
                        && !s.startsWith("TLS_AES_")
                        && !s.startsWith("TLS_CHACHA20_")
                        && !s.startsWith("TLS_EMPTY_"))
                .toArray(String[]::new);
        assertThrows(SSLException.class, () -> handshake(List.of("TLSv1.2"), noEcdhe));
    }

    @Test
    void ecdheOnTls12AndTls13AreAccepted() throws Exception {
        SSLSession ecdhe = handshake(List.of("TLSv1.2"), new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", ecdhe.getCipherSuite());
        assertEquals("TLSv1.2", ecdhe.getProtocol());
        SSLSession tls13 = handshake(List.of("TLSv1.3"), null);
        assertEquals("TLSv1.3", tls13.getProtocol());
    }

    /** A TLS handshake with the HTTPS port offering these protocols and suites (null: the JVM's defaults). */
    private static SSLSession handshake(List<String> protocols, String[] suites) throws Exception {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(HOST, HTTPS_PORT)) {
            socket.setSoTimeout(20_000);
            socket.setEnabledProtocols(protocols.toArray(String[]::new));
            if (suites != null) {
                socket.setEnabledCipherSuites(suites);
            }
            socket.startHandshake();
            return socket.getSession();
        }
    }
}
