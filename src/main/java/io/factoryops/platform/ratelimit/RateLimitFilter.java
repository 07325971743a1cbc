package io.factoryops.platform.ratelimit;

import io.factoryops.platform.error.Problems;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies the per-principal (or per-IP) limit to every API request, answers 429 problem+json with
 * {@code Retry-After} when it is exhausted, and adds the {@code RateLimit-*} headers to every answer.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        Long ownLimit = principal instanceof JsonWebToken jwt ? ownLimit(jwt) : null;
        RateLimiter.Decision decision = principal == null
                ? limiter.forAnonymous(CurrentRequest.clientIpOrUnknown())
                : ownLimit != null
                        ? limiter.forPrincipal(principal.getName(), ownLimit)
                        : limiter.forPrincipal(principal.getName());
        if (decision == null) {
            return; // the buckets cannot be read: fail open (RateLimiter)
        }
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            request.abortWith(Problems.response(decision.toException("requests")));
        }
    }

    /** The token's own request limit ({@link RateLimiter#LIMIT_CLAIM}), if it carries one. */
    private static Long ownLimit(JsonWebToken jwt) {
        Object claim = jwt.getClaim(RateLimiter.LIMIT_CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : null;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // A stricter limiter (login) may have answered already: its headers stand.
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision
                && !response.getHeaders().containsKey("RateLimit-Limit")) {
            decision.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }
}
