package io.factoryops.platform.idempotency;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.BodyTooLargeException;
import io.factoryops.platform.error.DatabaseUnavailable;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.error.Problems;
import io.factoryops.platform.http.RequestBodyLimit;
import io.factoryops.platform.json.JsonConfig;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.sql.SQLRecoverableException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} on the POSTs marked {@link Idempotent}: the first request with a key is
 * processed and its response stored; the same key with the same method, path and body replays that
 * response (header {@code Idempotent-Replayed: true}) without a second effect, also when the copies
 * arrive in parallel (they wait for the first); the same key with another request is 422
 * {@code IDEMPOTENCY_KEY_REUSED}. Keys are 1 to {@value #MAX_KEY_LENGTH} visible ASCII characters (400
 * otherwise), scoped to the principal and kept {@code factory.idempotency.ttl-hours} (24).
 *
 * <p>Only outcomes worth replaying are kept: a success, and a 409 (a business conflict such as
 * {@code INSUFFICIENT_STOCK} or {@code INVALID_TRANSITION}, which the same request meets again). Any
 * other answer (a 400 that failed validation, 401/403/404, 413, 415, 429, a 5xx) frees the key: the
 * request did nothing, and the client may correct it and retry with the same key. Except a 503 because the
 * database is unavailable: the key cannot be freed then (trying would wait for the database again), so it
 * stays reserved until it counts as abandoned (see {@link #filter(ContainerRequestContext, ContainerResponseContext)}).
 *
 * <p><b>Never twice.</b> A reservation is inserted in a transaction of its own (so that parallel copies see it at
 * once), but its outcome is written in the business transaction: {@link IdempotentTransaction} runs the resource
 * method in one transaction, which its services join, locks the key's row first and writes the answer worth
 * replaying into it before the commit ({@link IdempotencyService#runAndComplete}). So the effect (an order, a
 * receipt, parts fitted) and the key's outcome commit together or not at all, and:
 * <ul>
 * <li>a key whose effect committed always replays, also when the request broke off after the commit (the database
 *     gone, a commit in doubt answered 503): the answer is in the row with it;</li>
 * <li>a row without an outcome means its transaction did not commit, or has not ended: it holds the row's lock to
 *     its end. Freeing it ({@link IdempotencyService#release}, after a failure without effect, or a takeover once
 *     abandoned) deletes it only while it has no outcome, and waits for that lock first; so a takeover can never
 *     free a key whose effect committed, whatever the clocks say. A request whose reservation was taken over before
 *     its transaction began finds its row gone and answers 409 without doing anything.</li>
 * </ul>
 * Only answers that leave the resource method inside that transaction are stored with it (a success); a 409 of a
 * business conflict rolled the transaction back, so it is stored afterwards in a transaction of its own, as before
 * (it did nothing, so losing it costs a repeated conflict at most).
 *
 * <p>The body is hashed through the stream of {@link RequestBodyLimit} (pre-matching, so it wraps the
 * body first): a body over the limit is 413 after at most limit + 1 bytes, never buffered whole.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    private static final String PENDING = IdempotencyFilter.class.getName() + ".pending";
    private static final int WAIT_STEPS = 150;
    private static final long WAIT_MILLIS = 100;
    static final int MAX_KEY_LENGTH = 128;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");

    @Inject
    IdempotencyService store;

    @Inject
    IdempotencyContext current;

    /**
     * Test only (unset in production): for keys beginning {@value #TEST_KEY_PREFIX}, what happens right before
     * the answer would be stored: {@code fail} (as if the database went away then) or a number of milliseconds to
     * wait (DatabaseOutageIT cuts the database meanwhile). Set by the integration tests' JVM options.
     */
    @Inject
    @ConfigProperty(name = "factory.test.idempotency.before-store")
    Optional<String> testBeforeStore;

    static final String TEST_KEY_PREFIX = "test-before-store-";

    private record Pending(long id, String principal, String key) {}

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (key == null || principal == null) {
            return;
        }
        if (!KEY.matcher(key).matches()) {
            request.abortWith(Problems.response(ApiException.invalidParameter(
                    HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters")));
            return;
        }
        String hash = hash(request);
        for (int step = 0; step < WAIT_STEPS; step++) {
            Optional<IdempotencyService.Reserved> reserved = tryReserve(principal.getName(), key, hash);
            if (reserved.isPresent()) {
                request.setProperty(PENDING, new Pending(reserved.get().id(), principal.getName(), key));
                current.reserved(reserved.get().id());
                return;
            }
            Optional<IdempotencyService.Existing> existing = store.find(principal.getName(), key);
            if (existing.isEmpty()) {
                continue; // released meanwhile: try to reserve again
            }
            IdempotencyService.Existing found = existing.get();
            if (!found.requestHash().equals(hash)) {
                request.abortWith(Problems.response(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for another request; use a new key for a new request"));
                return;
            }
            if (found.status() != null) {
                request.abortWith(replay(found));
                return;
            }
            if (found.abandoned()) {
                store.release(found.id()); // only without an outcome, after its transaction: see the class comment
                continue;
            }
            sleep();
        }
        request.abortWith(Problems.response(
                ErrorCode.CONFLICT, "A request with this Idempotency-Key is still being processed; retry later"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PENDING) instanceof Pending pending)) {
            return;
        }
        if (response.getEntity() instanceof Problem problem
                && ErrorCode.SERVICE_UNAVAILABLE.name().equals(problem.code())) {
            // the database is away (DatabaseUnavailable): freeing the key now would wait for it again, up to
            // its timeouts, before the 503 leaves; the key is kept as below
            LOG.warning(() -> CurrentRequest.logPrefix() + "Idempotency-Key " + pending.key()
                    + " not released: the database is unavailable");
            return;
        }
        try {
            testHookBeforeStore(pending.key());
            if (current.isCompleted()) {
                return; // stored with the business change, in its transaction (IdempotentTransaction)
            }
            if (!worthReplaying(response.getStatus())) {
                store.release(pending.id());
                return;
            }
            String body = response.hasEntity() ? JsonConfig.jsonb().toJson(response.getEntity()) : null;
            String contentType = response.getMediaType() == null
                    ? null
                    : response.getMediaType().toString();
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            String etag = response.getHeaderString(HttpHeaders.ETAG);
            store.complete(pending.id(), response.getStatus(), contentType, location, etag, body);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            // The database went away while this request ran: the answer stands, because an exception here is not mapped
            // (RESTEasy would send a bare 500). A success was stored with its effect, in its transaction; any other
            // answer leaves the key reserved without an outcome, its effect absent: a retry answers 409 "still being
            // processed" until the reservation counts as abandoned (IdempotencyService.ABANDONED_AFTER), then runs.
            LOG.warning(() -> CurrentRequest.logPrefix() + "Idempotency-Key " + pending.key() + " could not be "
                    + (worthReplaying(response.getStatus()) ? "stored" : "released") + " (database unavailable: "
                    + e.getClass().getSimpleName() + "); the answer " + response.getStatus() + " stands");
        }
    }

    private void testHookBeforeStore(String key) {
        if (testBeforeStore.isEmpty() || !key.startsWith(TEST_KEY_PREFIX)) {
            return;
        }
        if ("fail".equals(testBeforeStore.get())) {
            throw new IllegalStateException(
                    "test hook factory.test.idempotency.before-store",
                    new SQLRecoverableException("the database went away before the answer was stored (test hook)"));
        }
        try {
            Thread.sleep(Long.parseLong(testBeforeStore.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A success or a business conflict; see the class comment. */
    static boolean worthReplaying(int status) {
        return status < 300 || status == 409;
    }

    private Optional<IdempotencyService.Reserved> tryReserve(String principal, String key, String hash) {
        try {
            return store.reserve(principal, key, hash);
        } catch (RuntimeException e) {
            // A concurrent reservation may surface as a failed commit: the key is taken then.
            if (store.find(principal, key).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Response replay(IdempotencyService.Existing found) {
        Response.ResponseBuilder builder = Response.status(found.status()).header("Idempotent-Replayed", "true");
        if (found.contentType() != null) {
            builder.type(found.contentType());
        }
        if (found.location() != null) {
            builder.header(HttpHeaders.LOCATION, found.location());
        }
        if (found.etag() != null) {
            builder.header(HttpHeaders.ETAG, found.etag());
        }
        if (found.body() != null) {
            builder.entity(found.body());
        }
        return builder.build();
    }

    private static String hash(ContainerRequestContext request) {
        try {
            byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
            request.setEntityStream(new ByteArrayInputStream(body));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getUriInfo().getPath() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (BodyTooLargeException e) {
            throw BodyTooLargeException.problem(e.limit());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
