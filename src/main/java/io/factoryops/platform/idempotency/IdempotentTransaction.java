package io.factoryops.platform.idempotency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

/**
 * Runs an {@link Idempotent} resource method that holds an {@code Idempotency-Key} reservation in one transaction
 * with the key's outcome: the services' {@code @Transactional} methods join it, and the answer worth replaying is
 * written into the key's row before it commits (see {@link IdempotencyFilter}). Outside the transaction
 * interceptor (which is at {@code PLATFORM_BEFORE + 200}), so that the commit has happened when it returns.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentTransaction {

    @Inject
    IdempotencyContext current;

    @Inject
    IdempotencyService store;

    @AroundInvoke
    Object withTheKeysOutcome(InvocationContext invocation) throws Exception {
        Long reservation = current.reservation();
        if (reservation == null || !invocation.getMethod().isAnnotationPresent(Idempotent.class)) {
            return invocation.proceed();
        }
        Object result = store.runAndComplete(reservation, invocation);
        if (result instanceof Response response && IdempotencyFilter.worthReplaying(response.getStatus())) {
            current.completed();
        }
        return result;
    }
}
