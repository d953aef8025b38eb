package io.synapse.plugins.kits.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kits keep the runtime's promises: no reflection, no use of the runtime's {@code internal}
 * package, and their own {@code internal} package is theirs alone.
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
  void kitsDoNotReachIntoTheRuntimesInternals() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.synapse.plugins.internal..")
        .because("internal is used by its own module only").check(KITS);
  }

  @Test
  void theRuntimeKnowsNothingOfTheKits() {
    JavaClasses runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackagesOf(io.synapse.plugins.PluginRunner.class);
    noClasses().that().resideOutsideOfPackage("io.synapse.plugins.kits..")
        .should().dependOnClassesThat().resideInAPackage("io.synapse.plugins.kits..").check(runtime);
  }
}
