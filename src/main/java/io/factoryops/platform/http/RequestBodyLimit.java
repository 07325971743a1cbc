package io.factoryops.platform.http;

import io.factoryops.platform.error.BodyTooLargeException;
import io.factoryops.platform.error.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A size limit on every request body of the API, per class of route: small for sign-in
 * ({@code factory.request-body.auth-max-bytes}: {@code /api/auth/…}, customer registration and
 * login, mechanic login), larger for orders ({@code factory.request-body.orders-max-bytes}), the rest
 * {@code factory.request-body.max-bytes}. A Content-Length above the limit is answered 413
 * {@code PAYLOAD_TOO_LARGE} before a byte of the body is read; a chunked body (or one longer than it
 * said) is counted while it is read and fails with {@link BodyTooLargeException} at the first byte
 * past the limit, also 413. Pre-matching, so that it wraps the body before any other filter (the
 * idempotency filter hashes the body) or JSON-B reads it.
 */
@Provider
@PreMatching
@Priority(100)
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "factory.request-body.max-bytes", defaultValue = "65536")
    long defaultLimit;

    @Inject
    @ConfigProperty(name = "factory.request-body.auth-max-bytes", defaultValue = "8192")
    long authLimit;

    @Inject
    @ConfigProperty(name = "factory.request-body.orders-max-bytes", defaultValue = "262144")
    long ordersLimit;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getUriInfo().getPath());
        if (declaredLength(request) > limit) {
            request.abortWith(Problems.response(BodyTooLargeException.problem(limit)));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    /**
     * The Content-Length the client declared, or -1. Over HTTP/2 Liberty joins the header's values into
     * one ("52, 52"): the first counts. Whatever cannot be read is left to the counting stream.
     */
    static long declaredLength(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || declared.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(declared.split(",")[0].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    long limitFor(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("auth")
                || p.startsWith("auth/")
                || p.equals("customers/register")
                || p.equals("customers/confirm")
                || p.equals("customers/login")
                || p.equals("mechanics/login")) {
            return authLimit;
        }
        if (p.equals("orders") || p.startsWith("orders/")) {
            return ordersLimit;
        }
        return defaultLimit;
    }

    /** Counts what is read and fails past the limit, so nothing ever buffers more than it. */
    static final class Limited extends FilterInputStream {

        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - count + 1));
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
