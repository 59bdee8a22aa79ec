package dev.portcullis.oauth.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.oauth.domain.fixture.good.FixtureValue;
import org.junit.jupiter.api.Test;

/**
 * The rule classes (which use the same import options) import production classes only: the deliberately bad fixtures of this module
 * must never reach them, or the build would fail on purpose-made violations.
 */
class ProductionImportTest {

    @Test
    void importWhenProductionOptionsThenNoFixtureOrArchitectureClass() {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new ImportOption.DoNotIncludePackageInfos())
                .withImportOption(new DoNotIncludeArchitectureTests())
                .importPackages(Modules.ROOT);

        assertAll(
                () -> assertTrue(imported.contain("dev.portcullis.oauth.domain.port.ClientRepository"),
                        "the production domain is imported"),
                () -> assertFalse(imported.contain(FixtureValue.class), "fixtures are not imported"),
                () -> assertFalse(imported.contain(ModuleRules.class), "the rules are not imported"),
                () -> assertTrue(imported.stream().map(JavaClass::getPackageName)
                                .noneMatch(name -> name.contains(".fixture") || name.contains(".architecture")),
                        "no class from a fixture or architecture package"));
    }
}
