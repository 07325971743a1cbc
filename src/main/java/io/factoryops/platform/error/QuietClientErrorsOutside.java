package io.factoryops.platform.error;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionalException;

/**
 * Outside the transaction interceptor: the client error that {@link QuietClientErrorsInside} carried through it
 * (which Liberty wraps in a {@link TransactionalException} when the method does not declare it) is thrown again as
 * itself (see {@link QuietClientErrors}).
 */
@QuietClientErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
public class QuietClientErrorsOutside {

    @AroundInvoke
    Object unwrapClientErrors(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (QuietClientErrorsInside.Carried carried) {
            throw carried.clientError();
        } catch (TransactionalException wrapped) {
            // Liberty wraps a checked exception the method does not declare
            if (wrapped.getCause() instanceof QuietClientErrorsInside.Carried carried) {
                throw carried.clientError();
            }
            throw wrapped;
        }
    }
}
