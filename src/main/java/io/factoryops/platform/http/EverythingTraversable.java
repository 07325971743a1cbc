package io.factoryops.platform.http;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Bean Validation here checks request records, never JPA entities, so it need not ask JPA whether a
 * property is loaded: the default resolver does, through a synchronized provider lookup that
 * serialises concurrent requests (seen in profiles of POST /api/orders). Configured in
 * META-INF/validation.xml.
 */
public class EverythingTraversable implements TraversableResolver {

    @Override
    public boolean isReachable(Object bean, Path.Node node, Class<?> rootBeanType, Path path, ElementType type) {
        return true;
    }

    @Override
    public boolean isCascadable(Object bean, Path.Node node, Class<?> rootBeanType, Path path, ElementType type) {
        return true;
    }
}
