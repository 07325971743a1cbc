package io.factoryops.platform.error;

import java.util.List;

/** An RFC 9457 problem detail, extended with a stable {@code code} and the request id. */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
