package io.factoryops.platform.idempotency;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.DatabaseUnavailable;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.error.Problems;
import io.factoryops.platform.http.BodyTooLargeException;
import io.factoryops.platform.http.CurrentRequest;
import io.factoryops.platform.http.RequestBodyLimit;
import io.factoryops.platform.json.JsonConfig;
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
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

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
 * The body is hashed through the stream of {@link RequestBodyLimit} (pre-matching, so it wraps the
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
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,"
            + MAX_KEY_LENGTH + "}");

    @Inject
    IdempotencyService store;

    private record Pending(long id, String principal, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (key == null || principal == null) {
            return;
        }
        if (!KEY.matcher(key).matches()) {
            request.abortWith(Problems.response(ApiException.invalidParameter(HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters")));
            return;
        }
        String hash = hash(request);
        for (int step = 0; step < WAIT_STEPS; step++) {
            Optional<IdempotencyService.Reserved> reserved = tryReserve(principal.getName(), key, hash);
            if (reserved.isPresent()) {
                request.setProperty(PENDING, new Pending(reserved.get().id(), principal.getName(), key));
                return;
            }
            Optional<IdempotencyService.Existing> existing = store.find(principal.getName(), key);
            if (existing.isEmpty()) {
                continue; // released meanwhile: try to reserve again
            }
            IdempotencyService.Existing found = existing.get();
            if (!found.requestHash().equals(hash)) {
                request.abortWith(Problems.response(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for another request; use a new key for a new request"));
                return;
            }
            if (found.status() != null) {
                request.abortWith(replay(found));
                return;
            }
            if (found.abandoned()) {
                store.release(principal.getName(), key);
                continue;
            }
            sleep();
        }
        request.abortWith(Problems.response(ErrorCode.CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry later"));
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
            if (!worthReplaying(response.getStatus())) {
                store.release(pending.principal(), pending.key());
                return;
            }
            String body = response.hasEntity() ? JsonConfig.jsonb().toJson(response.getEntity()) : null;
            String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            String etag = response.getHeaderString(HttpHeaders.ETAG);
            store.complete(pending.id(), response.getStatus(), contentType, location, etag, body);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            // The database went away while this request ran: the answer stands, because an exception here is not mapped (RESTEasy would send a bare 500). The key
            // stays reserved without a stored response: a retry with it answers 409 "still being processed" until
            // the reservation counts as abandoned (IdempotencyService.ABANDONED_AFTER, 5 minutes), then runs.
            LOG.warning(() -> CurrentRequest.logPrefix() + "Idempotency-Key " + pending.key() + " could not be "
                    + (worthReplaying(response.getStatus()) ? "stored" : "released") + " (database unavailable: "
                    + e.getClass().getSimpleName() + "); the answer " + response.getStatus() + " stands");
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
            throw RequestBodyLimit.tooLarge(e.limit());
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
