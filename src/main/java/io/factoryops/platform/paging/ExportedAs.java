package io.factoryops.platform.paging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list method whose list has an export, {@code /api/export/<value>}: its answer carries
 * {@code Link: <…/api/export/<value>?<the same filters and sort>>; rel="export"} ({@link ExportLinkFilter}).
 * A list of one thing's children (a product's stock movements) names the export's parameter that takes
 * the path's id ({@code idAs}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExportedAs {

    /** The export's name: the path segment after {@code /api/export/}. */
    String value();

    /** The export's query parameter that the list's {@code {id}} path parameter becomes, if any. */
    String idAs() default "";
}
