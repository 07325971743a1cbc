package it.io.factoryops.support;

import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks every request and response of the integration suite against the OpenAPI document the
 * server serves (rules: {@link ContractCheck}), as a filter of {@link Api}'s JAX-RS client.
 *
 * <p>Switched by the system property {@code openapi.validate}: {@code true} fails the test whose
 * exchange disagrees (the filter throws, the client wraps it in a {@code ProcessingException});
 * {@code report} only records; anything else is off. Enabled, every violation is also kept in
 * {@link #violations()} and appended to {@code target/openapi-contract.log}.
 */
public final class OpenApiContract implements ClientRequestFilter, ClientResponseFilter {

    enum Mode {
        OFF,
        REPORT,
        FAIL
    }

    static final Mode MODE =
            switch (System.getProperty("openapi.validate", "false").toLowerCase(Locale.ROOT)) {
                case "true" -> Mode.FAIL;
                case "report" -> Mode.REPORT;
                default -> Mode.OFF;
            };

    private static final String REQUEST_BODY = OpenApiContract.class.getName() + ".requestBody";
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static final Path LOG =
            Path.of(System.getProperty("project.basedir", "."), "target", "openapi-contract.log");

    private final URI document;
    private volatile ContractCheck check;

    private OpenApiContract(String base) {
        this.document = URI.create(base + "/openapi");
    }

    /** Registers the contract check on this client when {@code openapi.validate} asks for it. */
    public static Client register(Client client, String base) {
        if (MODE == Mode.OFF) {
            return client;
        }
        try {
            Files.deleteIfExists(LOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the last run's " + LOG, e);
        }
        return client.register(new OpenApiContract(base));
    }

    /** Every violation seen so far in this JVM. */
    public static List<String> violations() {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS);
        }
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(REQUEST_BODY, text(request.getEntity()));
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        String body = "";
        if (response.hasEntity()) {
            // read to the end (which releases the connection), but not closed: RESTEasy would close the response
            byte[] bytes = response.getEntityStream().readAllBytes();
            response.setEntityStream(new ByteArrayInputStream(bytes));
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>(request.getStringHeaders());
        if (request.getMediaType() != null) {
            requestHeaders.put("Content-Type", List.of(request.getMediaType().toString()));
        }
        Exchange exchange = new Exchange(
                request.getMethod(),
                request.getUri().getPath(),
                query(request.getUri()),
                requestHeaders,
                (String) request.getProperty(REQUEST_BODY),
                response.getStatus(),
                response.getHeaders(),
                body);
        List<String> violations = check().violations(exchange);
        if (!violations.isEmpty()) {
            String message = "OpenAPI contract: " + exchange + "\n - " + String.join("\n - ", violations);
            record(exchange, violations);
            if (MODE == Mode.FAIL) {
                throw new ContractViolation(message);
            }
        }
    }

    /**
     * The served document, fetched once, on the first exchange (not through this client). A server run as deploy/
     * runs it (FACTORY_OPENAPI=off: the cluster tests' nodes) serves a document without the API: then the
     * committed docs/openapi.json, which OpenApiDocumentIT proves equal to the served one.
     */
    private ContractCheck check() {
        ContractCheck current = check;
        if (current == null) {
            synchronized (this) {
                current = check;
                if (current == null) {
                    String served = fetch(document);
                    if (!served.contains("\"/api/")) {
                        try {
                            served = Files.readString(
                                    Path.of(System.getProperty("project.basedir", "."), "docs", "openapi.json"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    current = new ContractCheck(OpenApiDocument.parse(served));
                    check = current;
                }
            }
        }
        return current;
    }

    static String fetch(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + uri + " interrupted", e);
        }
    }

    private static void record(Exchange exchange, List<String> violations) {
        List<String> lines = violations.stream().map(v -> exchange + ": " + v).toList();
        synchronized (VIOLATIONS) {
            VIOLATIONS.addAll(lines);
            try {
                Files.createDirectories(LOG.getParent());
                Files.write(LOG, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + LOG, e);
            }
        }
    }

    private static String text(Object entity) {
        if (entity == null) {
            return "";
        }
        if (entity instanceof CharSequence || entity instanceof JsonValue) {
            return entity.toString();
        }
        if (entity instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (entity instanceof java.io.InputStream) {
            return null; // a streamed body (the size-limit tests): not read twice, not checked
        }
        throw new IllegalArgumentException("the contract check reads String, byte[] or JSON-P request entities, not "
                + entity.getClass().getName());
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty()) {
                    String[] parts = pair.split("=", 2);
                    query.computeIfAbsent(decode(parts[0]), k -> new ArrayList<>())
                            .add(parts.length == 2 ? decode(parts[1]) : "");
                }
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** An exchange that disagrees with the served document. */
    public static final class ContractViolation extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ContractViolation(String message) {
            super(message);
        }
    }
}
