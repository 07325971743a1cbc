package io.factoryops.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The roles of an operation are written once, in its {@code @RolesAllowed}: the OpenAPI filter puts them in
 * {@code x-roles} and as the description's first sentence. A description that types "Roles:" again would drift
 * from the annotation the day someone changes one of them.
 */
class OperationDescriptionsTest {

    @Test
    void noOperationRetypesItsRoles() {
        JavaClasses application = new ClassFileImporter().importPath(Path.of("target", "classes"));
        List<String> retyped = application.stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Operation.class))
                .filter(m ->
                        m.getAnnotationOfType(Operation.class).description().contains("Roles:"))
                .map(JavaMethod::getFullName)
                .toList();
        assertTrue(
                application.stream()
                        .anyMatch(c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Operation.class))),
                "no @Operation found: the test reads the wrong classes");
        assertEquals(List.of(), retyped, "descriptions that type their roles again (the filter writes them)");
    }

    @Test
    void theRolesSentenceComesFirst() {
        assertEquals("Roles: manager, mechanic.", OpenApiContract.withRoles(List.of("manager", "mechanic"), null));
        assertEquals("Roles: admin.", OpenApiContract.withRoles(List.of("admin"), "  "));
        assertEquals(
                "Roles: user. ETag; If-None-Match → 304.",
                OpenApiContract.withRoles(List.of("user"), "ETag; If-None-Match → 304."));
    }
}
