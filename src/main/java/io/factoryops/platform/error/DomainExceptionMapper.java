package io.factoryops.platform.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps a broken domain rule ({@link DomainException}) to problem+json with its stable code. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        return Problems.response(
                new ApiException(e.code(), e.getMessage(), e.errors(), java.util.Map.of(), e.details()));
    }
}
