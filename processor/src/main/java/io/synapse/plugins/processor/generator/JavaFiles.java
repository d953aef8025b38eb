package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.synapse.plugins.processor.RuntimeTypes;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** What every generated Java file shares: the header annotations and the file layout. */
public final class JavaFiles {
  /** The processor's name, as {@code @Generated} gives it. */
  public static final String PROCESSOR = "io.synapse.plugins.processor.SynapseProcessor";

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private JavaFiles() {}

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

  /** {@code train-model} gives {@code TRAIN_MODEL}. */
  public static String constantName(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }

  /** {@code train-model} gives {@code trainModel}; a Java keyword gets a trailing underscore. */
  public static String methodName(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-' || c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    String method = out.toString();
    return SourceVersion.isKeyword(method) ? method + "_" : method;
  }
}
