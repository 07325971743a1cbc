package io.factoryops.platform.error;

import io.factoryops.platform.request.CurrentRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claimed. A body that could not be read is the client's fault (400, or 413
 * when it is over its size limit), a lost optimistic-lock race is a version conflict (412), a database
 * that cannot be reached or did not answer in time is 503 with {@code Retry-After} ({@link DatabaseUnavailable}
 * decides, whatever wrapped the driver's exception: EJB, JPA, EclipseLink, a failed commit); anything
 * else is logged with the request id and answered 500 without internals.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        ApiException body = JsonErrors.find(e);
        if (body != null) {
            return Problems.response(body);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return Problems.response(api);
            }
            if (t instanceof OptimisticLockException) {
                return Problems.response(
                        ErrorCode.VERSION_CONFLICT,
                        "The resource was changed by someone else; fetch it again and retry",
                        List.of(),
                        Map.of());
            }
        }
        if (DatabaseUnavailable.causedBy(e)) {
            return Problems.response(DatabaseUnavailable.answer(e));
        }
        LOG.log(Level.SEVERE, CurrentRequest.logPrefix() + "Unhandled exception", e);
        return Problems.response(
                ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; quote the request id when reporting it");
    }
}
