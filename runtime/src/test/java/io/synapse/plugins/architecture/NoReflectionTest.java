package io.synapse.plugins.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The runtime promises no reflection: generated code does that work at compile time. */
class NoReflectionTest {
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.synapse.plugins");

  @Test
  void runtimeUsesNoJavaLangReflect() {
    ArchRule rule = noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
        .because("the runtime constructs and binds through generated code");
    rule.check(RUNTIME);
  }

  @Test
  void runtimeCallsNoReflectiveLookups() {
    ArchRule rule = noClasses().should().callMethod(Class.class, "forName", String.class)
        .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
        .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
            com.tngtech.archunit.base.DescribedPredicate.describe("getDeclared* or newInstance",
                target -> target.getName().startsWith("getDeclared") || target.getName().equals("newInstance"))));
    rule.check(RUNTIME);
  }

  @Test
  void theRuleCatchesReflection() {
    JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
    ArchRule rule = noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect..");
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> rule.check(offender));
  }

  static final class Offender {
    Object peek(Object target) throws Exception {
      return target.getClass().getDeclaredField("x").get(target);
    }
  }
}
