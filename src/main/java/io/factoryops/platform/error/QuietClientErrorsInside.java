package io.factoryops.platform.error;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Method;

/**
 * Inside the transaction interceptor ({@code PLATFORM_BEFORE + 200}): a client error rolls the transaction back
 * and leaves as a checked {@link Carried} wrapper, which Liberty rethrows without an FFDC (see
 * {@link QuietClientErrors}).
 */
@QuietClientErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 201)
public class QuietClientErrorsInside {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object carryClientErrors(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            if (!isClientError(e)) {
                throw e;
            }
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                    && !keepsTheTransaction(invocation.getMethod(), e)) {
                transactions.setRollbackOnly();
            }
            throw new Carried(e);
        }
    }

    static boolean isClientError(RuntimeException e) {
        return e instanceof DomainException
                || e instanceof ApiException
                || e instanceof ConstraintViolationException
                || e instanceof OptimisticLockException;
    }

    /** The method's (or else its class's) {@code dontRollbackOn} names the exception. */
    private static boolean keepsTheTransaction(Method method, RuntimeException e) {
        Transactional transactional = method.getAnnotation(Transactional.class);
        if (transactional == null) {
            transactional = method.getDeclaringClass().getAnnotation(Transactional.class);
        }
        if (transactional == null) {
            return false;
        }
        for (Class<?> kept : transactional.dontRollbackOn()) {
            if (kept.isInstance(e)) {
                return true;
            }
        }
        return false;
    }

    /** A client error on its way through the transaction interceptor; never seen outside these two interceptors. */
    static final class Carried extends Exception {
        private static final long serialVersionUID = 1L;

        Carried(RuntimeException clientError) {
            super(null, clientError, false, false);
        }

        RuntimeException clientError() {
            return (RuntimeException) getCause();
        }
    }
}
