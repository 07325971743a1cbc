package io.factoryops.platform.error;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Thrown by the request body stream of {@code platform.http.RequestBodyLimit} when a body without a (truthful)
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

    /** The problem of a body over the limit: 413 PAYLOAD_TOO_LARGE naming it. */
    public static ApiException problem(long limit) {
        return new ApiException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes for this resource",
                List.of(),
                Map.of(),
                Map.of("max_bytes", limit));
    }
}
