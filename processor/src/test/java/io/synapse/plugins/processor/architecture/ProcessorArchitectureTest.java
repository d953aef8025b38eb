package io.synapse.plugins.processor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.synapse.plugins.processor.generator.ArtifactWriter;
import io.synapse.plugins.processor.generator.Generator;
import io.synapse.plugins.processor.model.PluginModel;
import org.junit.jupiter.api.Test;

/** The processor's shape: read, validate, generate, with a model that knows nothing of JavaPoet and one writer. */
class ProcessorArchitectureTest {
  private static final JavaClasses PROCESSOR = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.synapse.plugins.processor");

  @Test
  void theModelHasNoJavaPoet() {
    noClasses().that().resideInAPackage(PluginModel.class.getPackageName())
        .should().dependOnClassesThat().resideInAPackage("com.palantir.javapoet..")
        .because("the model is plain data; generator.TypeNames spells it in JavaPoet").check(PROCESSOR);
  }

  @Test
  void onlyTheArtifactWriterWritesFiles() {
    noClasses().that().doNotHaveFullyQualifiedName(ArtifactWriter.class.getName())
        .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(javax.annotation.processing.Filer.class))))
        .orShould().callMethod(com.palantir.javapoet.JavaFile.class, "writeTo", javax.annotation.processing.Filer.class)
        .because("every artifact goes through the one Filer helper, which checks the header").check(PROCESSOR);
  }

  @Test
  void everyGeneratorKeepsTheContract() {
    classes().that().resideInAPackage(Generator.class.getPackageName()).and().haveSimpleNameEndingWith("Generator")
        .and().areNotInterfaces()
        .should().implement(Generator.class)
        .because("one generator per artifact: model in, one artifact out").check(PROCESSOR);
  }
}
