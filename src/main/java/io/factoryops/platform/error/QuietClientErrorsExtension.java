package io.factoryops.platform.error;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.transaction.Transactional;

/** Binds {@link QuietClientErrors} to every CDI bean with a {@code @Transactional} class or method. */
public class QuietClientErrorsExtension implements Extension {

    <T> void transactional(@Observes @WithAnnotations(Transactional.class) ProcessAnnotatedType<T> event) {
        var type = event.getAnnotatedType();
        if (type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(Stateless.class)
                || type.getJavaClass().isInterface()) {
            return; // enterprise beans have container-managed transactions, not @Transactional
        }
        if (type.isAnnotationPresent(Transactional.class)
                || type.getMethods().stream().anyMatch(m -> m.isAnnotationPresent(Transactional.class))) {
            event.configureAnnotatedType().add(QuietClientErrors.Literal.INSTANCE);
        }
    }
}
