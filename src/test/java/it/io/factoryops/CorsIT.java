package it.io.factoryops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Browser integrations: the test server allows the pages of https://erp.it.example and
 * https://shop.it.example:8443 (FACTORY_CORS_ORIGINS in src/test/liberty; none by default). A preflight from an
 * allowed origin is answered with the methods and headers the API uses; another origin, even one that only differs
 * in port or scheme, gets no CORS header at all, so the browser keeps the answer from its page; credentials are
 * never allowed; the headers a client reads are exposed. Sent with the JDK's client: the JAX-RS client's connection
 * refuses to set Origin.
 */
class CorsIT {

    private static final String ERP = "https://erp.it.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> preflight(String origin, String method, String headers) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(Api.BASE + "/api/products"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", headers)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String origin, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(Api.BASE + path))
                        .header("Origin", origin)
                        .header("Authorization", "Bearer " + Api.adminToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> list(HttpResponse<?> response, String header) {
        return response.headers().firstValue(header).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    @Test
    void aPreflightFromAnAllowedOriginNamesTheMethodsAndHeadersTheApiUses() throws Exception {
        HttpResponse<String> answer = preflight(ERP, "PUT", "authorization, content-type, if-match, idempotency-key");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(Optional.of(ERP), answer.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(
                list(answer, "Access-Control-Allow-Methods")
                        .containsAll(List.of("get", "post", "put", "patch", "delete")),
                answer.headers().toString());
        assertTrue(
                list(answer, "Access-Control-Allow-Headers")
                        .containsAll(List.of("authorization", "content-type", "if-match", "idempotency-key")),
                answer.headers().toString());
        assertFalse(
                answer.headers()
                        .firstValue("Access-Control-Allow-Credentials")
                        .orElse("")
                        .equals("true"),
                "credentials are never allowed");
        // the second allowed origin, with its port
        assertEquals(
                Optional.of("https://shop.it.example:8443"),
                preflight("https://shop.it.example:8443", "GET", "authorization")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"));
    }

    @Test
    void anOriginOffTheListGetsNoCorsHeader() throws Exception {
        for (String origin : List.of(
                "https://evil.example",
                "http://erp.it.example", // another scheme
                "https://erp.it.example:444", // another port
                "https://erp.it.example.evil.example", // a suffix
                "null")) {
            HttpResponse<String> answer = preflight(origin, "GET", "authorization");
            assertTrue(
                    answer.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                    origin + ": " + answer.headers());
            HttpResponse<String> read = get(origin, "/api/products");
            assertTrue(
                    read.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), origin + ": " + read.headers());
        }
    }

    @Test
    void anAnswerToAnAllowedOriginExposesWhatAClientReads() throws Exception {
        HttpResponse<String> page = get(ERP, "/api/products?per_page=1");
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(Optional.of(ERP), page.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(
                list(page, "Access-Control-Expose-Headers")
                        .containsAll(List.of(
                                "x-request-id",
                                "etag",
                                "location",
                                "link",
                                "retry-after",
                                "ratelimit-limit",
                                "ratelimit-remaining",
                                "ratelimit-reset")),
                page.headers().toString());
        assertFalse(page.headers()
                .firstValue("Access-Control-Allow-Credentials")
                .orElse("")
                .equals("true"));
        // a problem answer carries them too, so that the page reads its request id
        HttpResponse<String> missing = get(ERP, "/api/products/999999999");
        assertEquals(404, missing.statusCode());
        assertEquals(Optional.of(ERP), missing.headers().firstValue("Access-Control-Allow-Origin"));
    }
}
