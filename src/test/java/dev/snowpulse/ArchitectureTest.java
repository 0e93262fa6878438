package dev.snowpulse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of ARCHITECTURE.md, enforced. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.snowpulse");
    }

    @Test
    void servicesKnowNothingOfJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.snowpulse.ui..")
                .and().doNotHaveFullyQualifiedName(SnowPulse.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..")
                .because("domain and services compile and are tested without a display")
                .check(classes);
    }

    @Test
    void theUiHoldsNoJdbc() {
        noClasses().that().resideInAPackage("dev.snowpulse.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..", "net.snowflake..", "com.zaxxer..")
                .because("the UI calls services; it never talks to a database itself")
                .check(classes);
    }

    @Test
    void servicesDoNotReachIntoTheUiOrTheCli() {
        noClasses().that().resideInAnyPackage("dev.snowpulse.profile..", "dev.snowpulse.db..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.snowpulse.ui..", "dev.snowpulse.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.snowpulse.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.snowpulse.ui..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.snowpulse.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.snowpulse.cli..")
                .because("what both need (parsing, report formats) lives in format/ or the services")
                .check(classes);
    }

    @Test
    void theProfileDomainDoesNotOpenConnections() {
        noClasses().that().resideInAPackage("dev.snowpulse.profile..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "dev.snowpulse.db..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.snowpulse.(*)..").should().beFreeOfCycles().check(classes);
    }
}
