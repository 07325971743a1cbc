package io.factoryops;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the house in order, checked on the compiled classes: features are rooms that may use
 * each other in one direction only, {@code platform} is the ground (it knows no feature), and its parts use
 * each other in one direction only too; a resource is a thin HTTP boundary (no EntityManager, no
 * transaction of its own), the domain knows nothing of HTTP (an entity throws domain exceptions that the
 * REST layer maps), and a feature reads another's data through what that one publishes (a service, a
 * directory, its {@code *Facts}), never through its entities. A broken rule fails the build and names the
 * classes that break it.
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

    /**
     * The entities every stock owner holds: the generic ledger's stock item is a product's and a part's stock
     * (they map it, and post to the ledger through it).
     */
    private static final Set<String> SHARED_ENTITIES = Set.of("io.factoryops.stock.StockItem");

    @Test
    void featuresReadEachOtherThroughWhatTheyPublishNotTheirEntities() {
        classes()
                .that()
                .resideInAPackage("io.factoryops..")
                .should(new ArchCondition<JavaClass>("not depend on another feature's @Entity classes") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (target.isAnnotatedWith("jakarta.persistence.Entity")
                                    && !SHARED_ENTITIES.contains(target.getName())
                                    && !featureOf(target).equals(featureOf(origin))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(application);
    }

    /** {@code sales} for io.factoryops.sales.OrderService; {@code platform} for any part of the platform. */
    private static String featureOf(JavaClass c) {
        String rest = c.getPackageName().substring("io.factoryops".length());
        String[] parts = rest.split("\\.");
        return parts.length > 1 ? parts[1] : rest;
    }
}
