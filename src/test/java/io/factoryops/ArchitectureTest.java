package io.factoryops;

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
 * each other in one direction only too. A new cycle fails the build and names the classes that close it.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the compiled application only (not the tests, not the libraries on the class path)
        classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.factoryops.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platformPartsDependOnEachOtherWithoutCycles() {
        slices().matching("io.factoryops.platform.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platformKnowsNoFeature() {
        noClasses().that().resideInAPackage("io.factoryops.platform..").should().dependOnClassesThat()
                .resideInAnyPackage("io.factoryops.analytics..", "io.factoryops.catalog..", "io.factoryops.console..",
                        "io.factoryops.inventory..", "io.factoryops.maintenance..", "io.factoryops.notification..",
                        "io.factoryops.procurement..", "io.factoryops.production..", "io.factoryops.reporting..",
                        "io.factoryops.sales..", "io.factoryops.stock..", "io.factoryops.workforce..")
                .check(classes);
    }
}
