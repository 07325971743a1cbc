package io.factoryops.platform.error;

import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, extended with a stable {@code code}, the request id and, for some
 * codes, extension members (e.g. {@code product_id}, {@code requested}, {@code available}) written
 * at the top level of the object.
 */
@JsonbTypeSerializer(ProblemSerializer.class)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        List<FieldError> errors,
        Map<String, Object> extensions) {

    /**
     * Also declared by the operations that answer 204: the only type their documentation names is this
     * one (for errors), so a generated client accepts it alone, and must not get 406 for that.
     */
    public static final String MEDIA_TYPE = "application/problem+json";
}
