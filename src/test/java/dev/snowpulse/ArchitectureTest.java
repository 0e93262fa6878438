package dev.snowpulse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    private static final String ROOT = "dev.snowpulse";

    /** The window at the top of ui/ wires the tabs; tabs and the shell share only ui/common, never each other. */
    static ArchRule uiSubPackagesFreeOfCycles(String root) {
        return slices().matching(root + ".ui.(*)..").should().beFreeOfCycles()
                .because("a tab that reached into the window or another tab would be a cycle the top-level check cannot see");
    }

    static ArchRule uiSubPackagesShareOnlyCommon(String root) {
        return noClasses().that().resideInAPackage(root + ".ui.*..").and().resideOutsideOfPackage(root + ".ui.common..")
                .should(dependOnAnotherUiSubPackageThanCommon(root))
                .because("what two tabs share (the shell's state, the prod guard, dialogs) lives in ui/common");
    }

    static ArchRule serviceSubPackagesFreeOfCycles(String root) {
        return slices().matching(root + ".(*).(*)..").should().beFreeOfCycles();
    }

    /** A view model holds state and calls services; nodes, charts and pictures are the view's. */
    static ArchRule viewModelsHoldNoSceneTypes(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "java.awt..")
                .because("a view model is tested without a scene, and the view draws what it exposes");
    }

    @Test
    void viewModelsExposeNoSceneTypes() {
        viewModelsHoldNoSceneTypes(ROOT).check(classes);
    }

    @Test
    void theUiIsOneWayWindowThenTabsThenCommon() {
        uiSubPackagesFreeOfCycles(ROOT).check(classes);
        uiSubPackagesShareOnlyCommon(ROOT).check(classes);
    }

    @Test
    void theSubPackagesOfEveryServiceHaveNoCycles() {
        serviceSubPackagesFreeOfCycles(ROOT).check(classes);
    }

    /** The rules catch what they are for: classes written to break them (test sources under archfixture/). */
    @Test
    void theRulesFailOnDeliberateViolations() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture");
        String root = ROOT + ".archfixture";
        assertThatThrownBy(() -> uiSubPackagesFreeOfCycles(root).check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> uiSubPackagesShareOnlyCommon(root).check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("OneTab").hasMessageNotContaining("Shared");
        assertThatThrownBy(() -> serviceSubPackagesFreeOfCycles(root).check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> viewModelsHoldNoSceneTypes(root).check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ChartViewModel").hasMessageContaining("XYChart");
    }

    /** A class of one ui sub-package that depends on a class of another, ui/common aside. */
    private static ArchCondition<JavaClass> dependOnAnotherUiSubPackageThanCommon(String root) {
        return new ArchCondition<>("depend on another ui sub-package than ui/common") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = uiSubPackage(root, item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = uiSubPackage(root, dependency.getTargetClass().getPackageName());
                    if (target != null && !target.equals(own) && !target.equals("common")) {
                        events.add(SimpleConditionEvent.satisfied(item, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String uiSubPackage(String root, String packageName) {
        String prefix = root + ".ui.";
        if (!packageName.startsWith(prefix)) {
            return null;
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
