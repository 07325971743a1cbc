package io.factoryops.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures: the specification's own example, and several secrets at once. */
class WebhookSignerTest {

    @Test
    void signsAsTheStandardWebhooksExample() {
        // the example of the Standard Webhooks specification (github.com/standard-webhooks/standard-webhooks)
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long timestamp = 1614265330;
        String body = "{\"test\": 2432232314}";
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSigner.sign(secret, id, timestamp, body));
    }

    @Test
    void twoSecretsGiveTwoSpaceSeparatedSignatures() {
        String a = WebhookSigner.newSecret();
        String b = WebhookSigner.newSecret();
        assertTrue(a.startsWith("whsec_") && !a.equals(b));
        String header = WebhookSigner.signatures(List.of(a, b), "id", 1, "{}");
        assertEquals(WebhookSigner.sign(a, "id", 1, "{}") + " " + WebhookSigner.sign(b, "id", 1, "{}"), header);
    }
}
