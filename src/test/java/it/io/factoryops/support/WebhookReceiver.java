package it.io.factoryops.support;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for the tests: the JDK's own HTTP server on 127.0.0.1, recording every request, answering
 * what the test says (a status, or hanging), and verifying Standard Webhooks signatures with its own HMAC-SHA256
 * (javax.crypto here, not the application's code).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String contentType, String body, Instant at) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /** Answers with this status; a negative one hangs for that many milliseconds first, then answers 200. */
    private final BiFunction<String, Integer, Integer> answer;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private WebhookReceiver(BiFunction<String, Integer, Integer> answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var h = exchange.getRequestHeaders();
                String id = h.getFirst("webhook-id");
                received.add(new Received(
                        id,
                        h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        h.getFirst("Content-Type"),
                        body,
                        Instant.now()));
                int attempt = attempts.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger())
                        .incrementAndGet();
                int status = this.answer.apply(id, attempt);
                if (status < 0) {
                    try {
                        Thread.sleep(-status);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** A receiver answering 200 to everything. */
    public static WebhookReceiver ok() {
        return answering((id, attempt) -> 200);
    }

    /** A receiver answering as {@code answer(webhook-id, attempt of that id)} says. */
    public static WebhookReceiver answering(BiFunction<String, Integer, Integer> answer) {
        try {
            return new WebhookReceiver(answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until what was received satisfies {@code done}; false after {@code timeout}. */
    public boolean await(Predicate<List<Received>> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (done.test(received())) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return done.test(received());
    }

    /**
     * Whether one of the request's signatures ({@code v1,<base64>}, space-separated) is the HMAC-SHA256 of
     * {@code id.timestamp.body} under {@code secret} ({@code whsec_<base64 key>}), compared in constant time, and
     * the timestamp is within five minutes of now (the Standard Webhooks tolerance).
     */
    public static boolean verifies(Received r, String secret) {
        try {
            long timestamp = Long.parseLong(r.timestamp());
            if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
            for (String signature : r.signature().split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
