package io.factoryops;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the house in order, checked on the compiled classes: features are rooms that may use
 * each other in one direction only, {@code platform} is the ground (it knows no feature), and its parts use
 * each other in one direction only too; a resource is a thin HTTP boundary (no EntityManager, no
 * transaction of its own), and the domain knows nothing of HTTP (an entity throws domain exceptions that the
 * REST layer maps). A broken rule fails the build and names the classes that break it.
 */
class ArchitectureTest {

    private static JavaClasses application;

    @BeforeAll
    static void importClasses() {
        // the compiled application only (not the tests, not the libraries on the class path)
        application = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.factoryops.(*)..").should().beFreeOfCycles().check(application);
    }

    @Test
    void platformPartsDependOnEachOtherWithoutCycles() {
        slices().matching("io.factoryops.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .check(application);
    }

    @Test
    void platformKnowsNoFeature() {
        classes()
                .that()
                .resideInAPackage("io.factoryops.platform..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAPackage("io.factoryops.platform..").or(resideOutsideOfPackage("io.factoryops..")))
                .check(application);
    }

    @Test
    void resourcesLeaveTheDatabaseToServices() {
        noClasses()
                .that()
                .areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.persistence..")
                .orShould()
                .beAnnotatedWith(jakarta.transaction.Transactional.class)
                .because("resources are thin: services own transactions and the EntityManager")
                .check(application);
    }

    @Test
    void theDomainKnowsNothingOfHttp() {
        noClasses()
                .that()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "io.factoryops.platform.http..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(io.factoryops.platform.error.ApiException.class)
                .because("entities throw domain exceptions (platform.error.DomainException); the REST layer maps them"
                        + " to problems")
                .check(application);
    }
}
