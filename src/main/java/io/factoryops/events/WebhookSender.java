package io.factoryops.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The one outbound HTTP call of webhooks, bounded by MicroProfile Fault Tolerance: {@code @Timeout} (10 s; MP
 * Config {@code io.factoryops.events.WebhookSender/post/Timeout/value} in milliseconds, env
 * {@code IO_FACTORYOPS_EVENTS_WEBHOOKSENDER_POST_TIMEOUT_VALUE}) interrupts a receiver that is slow to answer, and
 * {@code @Bulkhead} caps the calls in flight on this server at the webhook executor's size. Each subscription has
 * one call in flight at most (its lane, {@link WebhookDispatcher}) and a circuit of its own
 * ({@link SubscriptionBreakers}): a MicroProfile {@code @CircuitBreaker} is one per method, so a dead receiver would
 * open it for every subscription. Redirects are not followed (a redirect could lead to an address the URL policy
 * refuses); the answer's body is not read beyond what the connection needs.
 */
@ApplicationScoped
public class WebhookSender {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** A backstop beyond the Fault Tolerance timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** POSTs the body with these headers; returns the receiver's status code. */
    @Timeout(value = 10_000, unit = ChronoUnit.MILLIS)
    @Bulkhead(WebhookDispatcher.LANES)
    public int post(URI url, Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "FactoryOps-Webhooks/1");
        headers.forEach(request::header);
        HttpResponse<Void> response = CLIENT.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
