package io.factoryops.platform.error;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Maps the JAX-RS runtime's own failures (unknown path, wrong method, wrong content type, bad
 * parameter, unreadable body, missing role) to problem+json instead of the server's defaults.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse(); // e.g. the runtime's answer to OPTIONS
        }
        ApiException body = JsonErrors.find(e);
        if (body != null) {
            return Problems.response(body);
        }
        if (status == 404 && e.getCause() != null) {
            // A path or query parameter that could not be converted to its type.
            return Problems.response(
                    ErrorCode.INVALID_PARAMETER, "A path or query parameter has the wrong format", List.of(), Map.of());
        }
        ErrorCode code = ErrorCode.forStatus(status);
        String detail = switch (status) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "Your role does not allow this operation";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "This resource does not accept the request's content type";
            default -> status >= 500 ? "The request could not be processed" : "The request is not valid";
        };
        Map<String, String> headers = Map.of();
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            headers = Map.of(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return Problems.response(code, detail, List.of(), headers);
    }
}
