package it.io.factoryops.support;

import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.jboss.resteasy.client.jaxrs.engines.ApacheHttpClient43Engine;

/**
 * Customer self-service as a customer does it, from a client address of its own: register, read the
 * confirmation mail in a {@link Mailbox}, confirm choosing the password, log in. Each instance sends from its own
 * address in the loopback range (127.0.x.y), so that registrations, which are rate limited per client address like
 * logins, do not use up the bucket of 127.0.0.1 that the rest of the suite shares.
 */
public final class SelfService implements AutoCloseable {

    public static final String CONFIRM_SUBJECT = "Confirm your Factory Ops registration";
    public static final String TAKEN_SUBJECT = "Someone tried to register with your address";
    private static final Pattern TOKEN = Pattern.compile("\"token\": \"([A-Za-z0-9_-]+)\"");

    private final Client client;

    private SelfService(Client client) {
        this.client = client;
    }

    /** A client sending from a random address of its own in 127.0.0.0/8. */
    public static SelfService fromOwnAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        InetAddress address;
        try {
            address = InetAddress.getByAddress(
                    new byte[] {127, 0, (byte) random.nextInt(1, 250), (byte) random.nextInt(2, 250)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new SelfService(OpenApiContract.register(
                ((ResteasyClientBuilder) ClientBuilder.newBuilder())
                        .httpEngine(new ApacheHttpClient43Engine(
                                HttpClientBuilder.create()
                                        .setDefaultRequestConfig(RequestConfig.custom()
                                                .setLocalAddress(address)
                                                .build())
                                        .build(),
                                true))
                        .build(),
                Api.BASE));
    }

    public Invocation.Builder request(String path) {
        return client.target(Api.BASE).path(path).request();
    }

    /**
     * Registers, confirms with the mailed token choosing {@link Api#PASSWORD} and returns the customer (the answer
     * of the confirmation).
     */
    public JsonObject registerAndConfirm(Mailbox mailbox, String name, String email) {
        int before = mailbox.received(email, CONFIRM_SUBJECT).size();
        register(name, email);
        try (Response r = confirm(token(mailbox, email, before + 1), Api.PASSWORD)) {
            assertEquals(201, r.getStatus());
            return body(r);
        }
    }

    /** A registration that must be accepted (202); returns the answer's body. */
    public JsonObject register(String name, String email) {
        try (Response r = postRegistration(name, email)) {
            assertEquals(202, r.getStatus());
            return body(r);
        }
    }

    public Response postRegistration(String name, String email) {
        return request("api/customers/register").post(json(registration(name, email)));
    }

    public static JsonObject registration(String name, String email) {
        return object("name", name, "email", email, "phone", "+1 555 0100", "address", "3 Elm Street");
    }

    /** POST /api/customers/confirm with the token and the password the account gets; the caller closes it. */
    public Response confirm(String token, String password) {
        return request("api/customers/confirm").post(json(object("token", token, "password", password)));
    }

    /** The token of the {@code n}th confirmation mail to this address. */
    public static String token(Mailbox mailbox, String email, int n) {
        String text = Mailbox.text(mailbox.await(email, CONFIRM_SUBJECT, n));
        Matcher m = TOKEN.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no token in the confirmation mail: " + text);
        }
        return m.group(1);
    }

    /** POST /api/customers/login; the caller closes the answer. */
    public Response login(String email, String password) {
        return request("api/customers/login").post(json(object("email", email, "password", password)));
    }

    /** A customer's access token. */
    public String token(String email, String password) {
        try (Response r = login(email, password)) {
            assertEquals(200, r.getStatus());
            return body(r).getString("access_token");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
