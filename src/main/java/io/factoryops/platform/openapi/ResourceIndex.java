package io.factoryops.platform.openapi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Remembers, while CDI discovers the application, which Java method serves each operation
 * ({@code "GET /api/orders/{id}"}), so that the OpenAPI filter can read what only the Java annotations
 * know: the roles ({@code @RolesAllowed}, {@code @PermitAll}), {@code @Idempotent}, the return type.
 */
public class ResourceIndex implements Extension {

    private static final Map<String, Method> OPERATIONS = new ConcurrentHashMap<>();
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");

    <T> void resource(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null) {
            return;
        }
        for (Method method : type.getMethods()) {
            httpMethod(method).ifPresent(verb -> {
                Path methodPath = method.getAnnotation(Path.class);
                OPERATIONS.put(
                        key(verb, join(classPath.value(), methodPath == null ? "" : methodPath.value())), method);
            });
        }
    }

    /** The Java method behind an operation of the document, if the application has one. */
    public static Optional<Method> method(String verb, String documentPath) {
        return Optional.ofNullable(OPERATIONS.get(key(verb, documentPath)));
    }

    static boolean isEmpty() {
        return OPERATIONS.isEmpty();
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String join(String classPath, String methodPath) {
        String base = io.factoryops.platform.http.RestApplication.class
                .getAnnotation(ApplicationPath.class)
                .value();
        String path = "/" + base + "/" + classPath + "/" + methodPath;
        path = TEMPLATE_REGEX.matcher(path).replaceAll("{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String key(String verb, String path) {
        return verb.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }
}
