package io.synapse.plugins.kits.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kits keep the runtime's promise of no reflection, and the runtime knows nothing of them. (That no
 * other module's {@code internal} package is used, and the spi only through generated code, is
 * {@link KitsBoundariesTest}'s, as in every module.)
 */
class KitsArchitectureTest {
  private static final JavaClasses KITS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.synapse.plugins.kits");

  @Test
  void kitsUseNoReflection() {
    noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
        .orShould().callMethod(Class.class, "forName", String.class)
        .because("the kits run actions through generated descriptors, like the runtime").check(KITS);
  }

  @Test
  void theRuntimeKnowsNothingOfTheKits() {
    JavaClasses runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackagesOf(io.synapse.plugins.PluginRunner.class);
    noClasses().that().resideOutsideOfPackage("io.synapse.plugins.kits..")
        .should().dependOnClassesThat().resideInAPackage("io.synapse.plugins.kits..").check(runtime);
  }
}
