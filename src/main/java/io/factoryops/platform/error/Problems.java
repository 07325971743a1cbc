package io.factoryops.platform.error;

import io.factoryops.platform.request.CurrentRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds every problem+json response of the application, so that all of them look the same. */
public final class Problems {

    private Problems() {}

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return of(
                code,
                detail,
                errors,
                CurrentRequest.get().map(CurrentRequest::path).orElse(null),
                CurrentRequest.requestId());
    }

    public static Problem of(
            ErrorCode code, String detail, List<FieldError> errors, String instance, String requestId) {
        return of(code, detail, errors, instance, requestId, Map.of());
    }

    static Problem of(
            ErrorCode code,
            String detail,
            List<FieldError> errors,
            String instance,
            String requestId,
            Map<String, Object> extensions) {
        return new Problem(
                code.type(),
                code.title(),
                code.status(),
                detail,
                instance,
                code.name(),
                requestId,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors),
                extensions == null || extensions.isEmpty() ? null : extensions);
    }

    public static Response response(ErrorCode code, String detail) {
        return response(code, detail, List.of(), Map.of());
    }

    public static Response response(
            ErrorCode code, String detail, List<FieldError> errors, Map<String, String> headers) {
        return response(code, detail, errors, headers, Map.of());
    }

    private static Response response(
            ErrorCode code,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers,
            Map<String, Object> extensions) {
        Response.ResponseBuilder builder = Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(of(
                        code,
                        detail,
                        errors,
                        CurrentRequest.get().map(CurrentRequest::path).orElse(null),
                        CurrentRequest.requestId(),
                        extensions));
        headers.forEach(builder::header);
        if (code.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"factory-ops\"");
        }
        return builder.build();
    }

    public static Response response(ApiException e) {
        return response(e.code(), e.getMessage(), e.errors(), e.headers(), e.extensions());
    }
}
