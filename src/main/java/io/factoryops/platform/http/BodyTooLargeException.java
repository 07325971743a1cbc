package io.factoryops.platform.http;

import java.io.IOException;

/**
 * Thrown by the request body stream of {@link RequestBodyLimit} when a body without a (truthful)
 * Content-Length grows past the limit; whoever reads the body (JSON-B, the idempotency filter) fails
 * with it and the mappers answer 413 {@code PAYLOAD_TOO_LARGE}.
 */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
