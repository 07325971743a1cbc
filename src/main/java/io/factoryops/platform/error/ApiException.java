package io.factoryops.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A failure the client caused or must know about. Thrown by services and resources, turned into
 * problem+json by {@link ProblemMappers}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;
    private final transient Map<String, Object> extensions;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> errors, Map<String, String> headers) {
        this(code, detail, errors, headers, Map.of());
    }

    /** With extension members that the problem body carries at its top level. */
    public ApiException(
            ErrorCode code,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers,
            Map<String, Object> extensions) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
        this.extensions = new java.util.LinkedHashMap<>(extensions);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " was not found");
    }

    /** 404 for an id a request body refers to, naming its field: {@code category_id: Category 9 was not found}. */
    public static ApiException notFoundField(String field, String what, Object id) {
        return new ApiException(
                ErrorCode.NOT_FOUND,
                field + ": " + what + " " + id + " was not found",
                List.of(new FieldError(field, what + " " + id + " was not found")),
                Map.of());
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(
                ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new FieldError(field, message)), Map.of());
    }

    public static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(
                ErrorCode.INVALID_PARAMETER,
                parameter + ": " + message,
                List.of(new FieldError(parameter, message)),
                Map.of());
    }

    public static ApiException alreadyExists(String field, String detail) {
        return new ApiException(
                ErrorCode.ALREADY_EXISTS, detail, List.of(new FieldError(field, "already in use")), Map.of());
    }

    /** A refusal the client may retry after {@code retryAfterSeconds}, which the {@code Retry-After} header says. */
    public static ApiException retryLater(ErrorCode code, String detail, String retryAfterSeconds) {
        return new ApiException(code, detail, List.of(), Map.of("Retry-After", retryAfterSeconds));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.FORBIDDEN, detail);
    }

    public static ApiException versionConflict(String what, Object id) {
        return new ApiException(
                ErrorCode.VERSION_CONFLICT,
                what + " " + id + " was changed by someone else; fetch it again and retry with its current ETag");
    }
}
