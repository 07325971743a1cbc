package it.io.factoryops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Everything the server answers besides the API, as docs/OPERATIONS.md lists it: Liberty's
 * own applications (the JWT builder's token and JWK endpoints, the {@code /ibm/api} REST handlers, the
 * container's login paths, admin and JMX REST endpoints) never answer 2xx to anyone, anonymous or
 * signed in, over HTTP or HTTPS, even with a forged {@code X-Forwarded-Proto: https}; health, metrics
 * and OpenAPI stay public. HTTPS uses the certificate of the configured keystore (the test client
 * trusts only that one) and sends HSTS.
 */
class LibertyEndpointsIT {

    private static final String HTTP = "http://localhost:" + System.getProperty("http.port", "9180");
    private static final String HTTPS = "https://localhost:" + System.getProperty("https.port", "9543");

    /** Liberty's endpoints that must not serve anybody, with the refusals each one may answer. */
    private static final Map<String, Set<Integer>> CLOSED = new LinkedHashMap<>();

    static {
        Set<Integer> refused = Set.of(401, 403, 404);
        // the JWT builder's endpoints: the application's builder (old and current id) and the implicit one
        for (String builder : new String[] {"factory", "factory.access", "defaultJWT", "nonexistent"}) {
            CLOSED.put("/jwt/ibm/api/" + builder + "/token", refused);
        }
        CLOSED.put("/jwt/ibm/api/factory/jwk", refused);
        CLOSED.put("/jwt/ibm/api/factory.access/jwk", refused);
        // defaultJWT is re-declared with HS256 and no key: Liberty refuses its JWK with 400
        CLOSED.put("/jwt/ibm/api/defaultJWT/jwk", Set.of(400));
        CLOSED.put("/jwt/", refused);
        // Liberty's REST handler application: over HTTP it redirects to HTTPS, where nobody can sign in
        for (String path : new String[] {
            "/ibm/api/",
            "/ibm/api/docs",
            "/ibm/api/explorer",
            "/ibm/api/config",
            "/ibm/api/validation",
            "/ibm/api/metrics",
            "/ibm/api/collective/v1/",
            "/ibm/api/docs/v1/"
        }) {
            CLOSED.put(path, Set.of(302, 401, 403, 404));
        }
        // features the server does not have (admin center, REST and JMX connectors): nothing there
        for (String path : new String[] {
            "/IBMJMXConnectorREST", "/IBMJMXConnectorREST/mbeans", "/adminCenter/", "/ibm/adminCenter/", "/jmx"
        }) {
            CLOSED.put(path, refused);
        }
        // the container's form login and logout pages
        CLOSED.put("/ibm_security_logout", Set.of(404));
        CLOSED.put("/j_security_check", Set.of(404));
    }

    private static HttpClient client;

    @BeforeAll
    static void clients() throws Exception {
        // trust exactly the certificate of the keystore the server was given (FACTORY_TLS_KEYSTORE)
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(System.getProperty("tls.keystore"))) {
            store.load(in, System.getProperty("tls.password").toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        client = HttpClient.newBuilder()
                .sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void libertysOwnEndpointsServeNobody() throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("user", Api.tokenFor("user"));
        callers.put("super admin", Api.adminToken());
        List<String> failures = new ArrayList<>();
        for (var endpoint : CLOSED.entrySet()) {
            boolean posts =
                    endpoint.getKey().endsWith("/token") || endpoint.getKey().contains("security");
            for (String base : new String[] {HTTP, HTTPS}) {
                for (var caller : callers.entrySet()) {
                    // a client on plain HTTP may claim HTTPS, which Liberty's /jwt endpoints believe
                    for (boolean forwardedHttps :
                            base.equals(HTTP) ? new boolean[] {false, true} : new boolean[] {false}) {
                        for (String method : posts ? new String[] {"GET", "POST"} : new String[] {"GET"}) {
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + endpoint.getKey()))
                                    .timeout(Duration.ofSeconds(30))
                                    .method(method, HttpRequest.BodyPublishers.noBody());
                            if (caller.getValue() != null) {
                                request.header("Authorization", "Bearer " + caller.getValue());
                            }
                            if (forwardedHttps) {
                                request.header("X-Forwarded-Proto", "https");
                            }
                            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                            String what = method + " " + base + endpoint.getKey() + " as " + caller.getKey()
                                    + (forwardedHttps ? " (X-Forwarded-Proto: https)" : "") + " -> " + r.statusCode();
                            if (!endpoint.getValue().contains(r.statusCode())) {
                                failures.add(what + ", expected one of " + endpoint.getValue() + "; body: "
                                        + r.body()
                                                .substring(
                                                        0,
                                                        Math.min(200, r.body().length())));
                            } else if (r.body().contains("eyJ") || r.body().contains("\"keys\"")) {
                                failures.add(what + " with a token or key in the body");
                            } else if (r.statusCode() == 302
                                    && !r.headers()
                                            .firstValue("Location")
                                            .orElse("")
                                            .startsWith("https://")) {
                                failures.add(what + " redirecting elsewhere than HTTPS");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(
                failures.isEmpty(),
                () -> failures.size() + " endpoint answers out of place:\n" + String.join("\n", failures));
    }

    @Test
    void theLoginPathsOfTheContainerAreProblems() throws Exception {
        for (String path : new String[] {"/ibm_security_logout", "/j_security_check"}) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(HTTP + path))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), path);
            assertEquals(
                    "application/problem+json",
                    r.headers().firstValue("Content-Type").orElse("").split(";")[0],
                    path);
            assertTrue(r.body().contains("\"code\":\"NOT_FOUND\""), r.body());
            assertTrue(r.body().contains(r.headers().firstValue("X-Request-Id").orElseThrow()), "request id");
        }
    }

    @Test
    void healthMetricsAndOpenApiArePublicOnBothPorts() throws Exception {
        for (String base : new String[] {HTTP, HTTPS}) {
            for (String path : new String[] {"/health/live", "/health/started", "/openapi", "/openapi/ui/"}) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), base + path);
            }
            HttpResponse<String> metrics = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics"))
                            .header("Accept", "text/plain")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), base + "/metrics");
        }
    }

    @Test
    void httpsServesTheConfiguredCertificateAndHsts() throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(HTTPS + "/api/auth/me"))
                        .header("Authorization", "Bearer " + Api.tokenFor("user"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        X509Certificate served = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals("CN=factory-ops-it", served.getSubjectX500Principal().getName());
        assertEquals(
                "max-age=31536000; includeSubDomains",
                r.headers().firstValue("Strict-Transport-Security").orElse(null));
        // problems on HTTPS carry it too
        HttpResponse<String> anonymous = client.send(
                HttpRequest.newBuilder(URI.create(HTTPS + "/api/auth/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Strict-Transport-Security").isPresent());
        // and plain HTTP does not send it (RFC 6797: only over a secure transport)
        HttpResponse<String> plain = client.send(
                HttpRequest.newBuilder(URI.create(HTTP + "/api/auth/me"))
                        .header("Authorization", "Bearer " + Api.tokenFor("user"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertNull(plain.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertFalse(plain.sslSession().isPresent());
    }
}
