package io.factoryops.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that acts only on the version its caller read: it reads {@code If-Match} with
 * {@link ETags#requiredVersion} (428 {@code PRECONDITION_REQUIRED} without it, 412 {@code VERSION_CONFLICT}
 * when stale), and the OpenAPI document shows the header as required with both problems. PUT, PATCH and
 * DELETE take an optional {@code If-Match} without this mark.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IfMatchRequired {}
