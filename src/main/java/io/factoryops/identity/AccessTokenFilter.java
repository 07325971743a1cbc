package io.factoryops.identity;

import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.Problems;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs after MicroProfile JWT has verified a token's signature, issuer, audience and expiry, and
 * rejects (401 {@code TOKEN_REVOKED}) tokens that were logged out or whose account was disabled or
 * changed since. A call without a token to an operation that needs one is answered here, 401
 * problem+json with {@code WWW-Authenticate: Bearer}. Records the caller for audit rows and log lines.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ContainerRequestFilter {

    @Inject
    TokenService tokens;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal == null && requiresAuthentication()) {
            request.abortWith(Problems.response(
                    ErrorCode.UNAUTHORIZED,
                    "This operation requires a bearer token: Authorization: Bearer <access_token>"));
            return;
        }
        if (principal instanceof JsonWebToken jwt) {
            String reason = tokens.rejectionReason(jwt);
            if (reason != null) {
                request.abortWith(Problems.response(ErrorCode.TOKEN_REVOKED, reason));
                return;
            }
            CurrentRequest.get().ifPresent(r -> r.actor(jwt.getName()));
        }
    }

    /** True unless the matched resource method (or its class) is open to anonymous callers. */
    private boolean requiresAuthentication() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        if (method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)) {
            return true;
        }
        Class<?> type = resource.getResourceClass();
        return type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(DenyAll.class);
    }
}
