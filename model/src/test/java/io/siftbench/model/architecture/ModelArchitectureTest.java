package io.siftbench.model.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the model module that the compiler cannot see (docs/ARCHITECTURE.md, "Modules"). */
class ModelArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.siftbench.model");

    @Test
    void theEngineTakesTheStoresItUsesNotTheWholeProject() {
        noClasses()
                .that()
                .resideInAPackage("io.siftbench.model..")
                .and()
                .resideOutsideOfPackage("io.siftbench.model.project..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(io.siftbench.model.project.Project.class)
                .because("a service names the stores it needs; only the wiring in app hands it the open project's")
                .check(MODEL);
    }

    @Test
    void theModelKnowsNoToolkitAndNoDatabase() {
        noClasses()
                .that()
                .resideInAPackage("io.siftbench.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "java.sql..", "org.h2..")
                .check(MODEL);
    }
}
