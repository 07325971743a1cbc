package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies have a size limit per class of route (small for sign-in, larger for orders): 413
 * {@code PAYLOAD_TOO_LARGE} before the body is read when its Content-Length says so, and at the
 * first byte past the limit when it comes chunked, whoever reads it.
 */
class RequestBodyLimitIT {

    private static final int MB = 1024 * 1024;

    /** A login body of {@code size} bytes: a valid JSON object with a huge password. */
    private static byte[] loginBody(int size) {
        byte[] head = "{\"username\":\"admin\",\"password\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    /** The same bytes as an InputStream of unknown length: the client sends them chunked. */
    private static Entity<InputStream> chunked(byte[] bytes) {
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream(bytes, 0, bytes.length / 2),
                new ByteArrayInputStream(bytes, bytes.length / 2, bytes.length - bytes.length / 2));
        return Entity.entity(in, "application/json");
    }

    @Test
    void aTwentyMegabyteLoginIs413WithoutBeingRead() throws Exception {
        // Declares 20 MB, sends the headers and 1 KB, then waits: the answer comes without the rest,
        // so the server never holds (or waits for) the body.
        long start = System.nanoTime();
        try (Socket socket = new Socket("localhost", Integer.parseInt(System.getProperty("http.port", "9180")))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + 20 * MB + "\r\nX-Request-Id: big-login-" + Api.RUN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(loginBody(1024), 0, 1000);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = line(in);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("20 MB declared, 1 KB sent: " + head + " in " + millis + " ms");
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            Map<String, String> headers = new HashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(
                        h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        h.substring(colon + 1).trim());
            }
            assertTrue(headers.get("content-type").startsWith("application/problem+json"), headers.toString());
            StringBuilder body = new StringBuilder();
            if (headers.containsKey("content-length")) {
                body.append(new String(
                        in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8));
            } else {
                for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                    body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    line(in);
                }
            }
            JsonObject problem =
                    Json.createReader(new StringReader(body.toString())).readObject();
            assertEquals("PAYLOAD_TOO_LARGE", problem.getString("code"));
            assertEquals("big-login-" + Api.RUN, problem.getString("request_id"));
            assertEquals(8192, problem.getInt("max_bytes"));
        }

        // The whole 20 MB sent by an ordinary client: 413 all the same, and the server stays well.
        start = System.nanoTime();
        try (Response r = Api.anonymous("api/auth/login").post(Entity.entity(loginBody(20 * MB), "application/json"))) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("20 MB login body sent whole: " + r.getStatus() + " in " + millis + " ms");
            assertProblem(r, 413, "PAYLOAD_TOO_LARGE");
        }
        try (Response r = Api.anonymous("health/live").get()) {
            assertEquals(200, r.getStatus());
        }
        Api.login(Api.createUser("user"), Api.PASSWORD);
    }

    /** One line of an HTTP/1.1 head, without its CRLF. */
    private static String line(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /**
     * Over HTTP/2 (what java.net.http speaks by default) Liberty joins the Content-Length values
     * ("52, 52"): a small body must still be read, a big one still refused.
     */
    @Test
    void http2BodiesAreMeasuredLikeHttp1Bodies() throws Exception {
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .build();
        h2.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/health/started"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        for (int size : new int[] {100, 20_000}) {
            String body = "{\"username\":\"nobody-h2\",\"password\":\"" + "x".repeat(size) + "\"}";
            java.net.http.HttpResponse<String> r = h2.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(size < 8192 ? 401 : 413, r.statusCode(), () -> r.version() + ": " + r.body());
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        long start = System.nanoTime();
        try (Response r = Api.anonymous("api/auth/login").post(chunked(loginBody(MB)))) {
            System.out.println("1 MB chunked login body: " + r.getStatus() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            JsonObject p = assertProblem(r, 413, "PAYLOAD_TOO_LARGE");
            assertEquals(8192, p.getInt("max_bytes"));
        }
        // under the limit, chunked is as good as counted
        JsonObject login = object("username", Api.createUser("user"), "password", Api.PASSWORD);
        try (Response r =
                Api.anonymous("api/auth/login").post(chunked(login.toString().getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void theIdempotencyFilterReadsNoMoreThanTheLimit() {
        // the idempotency filter hashes the body before JSON-B reads it: it meets the limit first
        String user = Api.tokenFor("user");
        byte[] order = new byte[2 * MB];
        Arrays.fill(order, (byte) ' ');
        byte[] head = Fixtures.orderBody(1, 1, 1).toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, order, 0, head.length);
        try (Response r = as(user, "api/orders")
                .header("Idempotency-Key", "too-big-" + Api.RUN)
                .post(chunked(order))) {
            JsonObject p = assertProblem(r, 413, "PAYLOAD_TOO_LARGE");
            assertEquals(262144, p.getInt("max_bytes"));
        }
        assertRefused(
                as(user, "api/orders")
                        .header("Idempotency-Key", "too-big-declared-" + Api.RUN)
                        .post(Entity.entity(order, "application/json")),
                413,
                "PAYLOAD_TOO_LARGE");
        // other routes: the default limit
        byte[] employee = new byte[100_000];
        Arrays.fill(employee, (byte) ' ');
        System.arraycopy("{}".getBytes(StandardCharsets.US_ASCII), 0, employee, 0, 2);
        try (Response r =
                as(Api.tokenFor("admin"), "api/employees").post(Entity.entity(employee, "application/json"))) {
            assertEquals(65536, assertProblem(r, 413, "PAYLOAD_TOO_LARGE").getInt("max_bytes"));
        }
        try (Response r = as(Api.tokenFor("admin"), "api/employees")
                .post(json(object("name", "Small", "email", Api.uniqueEmail("small"))))) {
            assertEquals(201, r.getStatus());
        }
    }
}
