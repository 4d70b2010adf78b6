package io.siftbench.views.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of the views module that the compiler cannot see (docs/ARCHITECTURE.md, "How a screen is built"). A
 * failure names each offending class and dependency.
 */
class ViewsArchitectureTest {

    /** One package per screen; each may use the shared packages (shell, task, controls, project), never another screen. */
    private static final List<String> FEATURES =
            List.of("compare", "datasets", "export", "insights", "pipelines", "prompts", "review", "runs", "settings");

    private static final JavaClasses VIEWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.siftbench.views");

    @Test
    void screensDependOnEachOtherOnlyThroughTheShell() {
        List<String> violations = new java.util.ArrayList<>();
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream()
                    .filter(f -> !f.equals(feature))
                    .map(f -> "io.siftbench.views." + f + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("io.siftbench.views." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because(
                            "a screen reaches another only through the shell; what several share lives in a shared package")
                    .evaluate(VIEWS)
                    .getFailureReport()
                    .getDetails()
                    .forEach(violations::add);
        }
        // Every screen's offences at once, not only the first screen's.
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }

    @Test
    void sharedPackagesDependOnNoScreen() {
        String[] features =
                FEATURES.stream().map(f -> "io.siftbench.views." + f + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.siftbench.views.task..", "io.siftbench.views.controls..", "io.siftbench.views.project..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features)
                .check(VIEWS);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(javafx.scene.Node.class)
                .because(
                        "a view model is state and commands; the view builds the nodes, so view models test without a toolkit")
                .check(VIEWS);
    }
}
