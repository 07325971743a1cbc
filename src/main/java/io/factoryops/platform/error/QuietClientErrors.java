package io.factoryops.platform.error;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Expected client errors pass {@code @Transactional} boundaries without an FFDC incident. Liberty's transaction
 * interceptor (its UOWManager, probe 1130) writes an FFDC file for every runtime exception that leaves a
 * {@code @Transactional} method and is not in its {@code dontRollbackOn}, after marking the transaction
 * rollback-only; a checked exception it only rethrows. Operators read FFDC files as incidents, and an
 * insufficient stock or a wrong transition is none. So, around every bean with a {@code @Transactional} method
 * (added by {@link QuietClientErrorsExtension}): inside the transaction interceptor,
 * {@link QuietClientErrorsInside} marks the transaction rollback-only itself (unless the method's
 * {@code dontRollbackOn} names the exception) and carries the client error out in a checked wrapper; outside it,
 * {@link QuietClientErrorsOutside} throws the original again. Callers, mappers and the rollback see what they saw
 * before. Which errors count: {@link DomainException}, {@link ApiException}, a failed Bean Validation of a
 * method, an optimistic-lock conflict. Anything else (a bug, the database away) still leaves its FFDC.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface QuietClientErrors {

    /** The binding as a value, for {@link QuietClientErrorsExtension}. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<QuietClientErrors>
            implements QuietClientErrors {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
