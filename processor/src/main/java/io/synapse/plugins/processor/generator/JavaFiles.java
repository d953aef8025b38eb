package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.JavaName;

/**
 * What every generated Java file shares: the header ({@code @Generated} naming the processor and the
 * runtime's {@code @SynapseGenerated} naming the source, a Javadoc line, public final) and the file
 * layout. Every Java generator makes its type here; {@link ArtifactWriter} refuses one that lacks the
 * header.
 */
public final class JavaFiles {
  /** The processor's name, as {@code @Generated} gives it. */
  public static final String PROCESSOR = "io.synapse.plugins.processor.SynapseProcessor";

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private JavaFiles() {}

  /** A public final class with the generated markers, saying in its Javadoc what it came from. */
  public static TypeSpec.Builder generatedClass(JavaName name, String from, String javadoc, Object... args) {
    return generatedClass(TypeNames.of(name), from, javadoc, args);
  }

  /** A public final class with the generated markers, saying in its Javadoc what it came from. */
  public static TypeSpec.Builder generatedClass(ClassName name, String from, String javadoc, Object... args) {
    return TypeSpec.classBuilder(name)
        .addJavadoc(javadoc + "\n", args)
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.SYNAPSE_GENERATED).addMember("from", "$S", from).build())
        .addModifiers(javax.lang.model.element.Modifier.PUBLIC, javax.lang.model.element.Modifier.FINAL);
  }

  /** The file of {@code type} in {@code packageName}. */
  public static JavaFile file(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("  ").build();
  }

  /** The source artifact of {@code type} in {@code packageName}. */
  public static Artifact.JavaSource source(String packageName, TypeSpec type) {
    return new Artifact.JavaSource(file(packageName, type));
  }
}
