package io.synapse.plugins.processor.model;

import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The name of a class, as the model holds it: its package and its simple names from the outermost class
 * in. The generators turn it into JavaPoet's {@code ClassName} ({@code generator.TypeNames}); the model
 * knows nothing of JavaPoet.
 *
 * @param packageName the package, empty for the default package
 * @param simpleNames the simple names, outermost first; never empty
 */
public record JavaName(String packageName, List<String> simpleNames) {
  /** Copies {@code simpleNames}. */
  public JavaName {
    Objects.requireNonNull(packageName, "packageName");
    simpleNames = List.copyOf(simpleNames);
    if (simpleNames.isEmpty()) {
      throw new IllegalArgumentException("a class name needs a simple name");
    }
  }

  /** A top-level class {@code simpleName} of {@code packageName}. */
  public static JavaName of(String packageName, String simpleName) {
    return new JavaName(packageName, List.of(simpleName));
  }

  /** The name of {@code type}, nested classes included. */
  public static JavaName of(TypeElement type) {
    java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
    Element current = type;
    while (current.getKind() != ElementKind.PACKAGE) {
      names.push(current.getSimpleName().toString());
      current = current.getEnclosingElement();
    }
    return new JavaName(((PackageElement) current).getQualifiedName().toString(), List.copyOf(names));
  }

  /** The innermost simple name. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** The simple names joined by dots: {@code Outer.Inner}, how messages name a type. */
  public String display() {
    return String.join(".", simpleNames);
  }

  /** The simple names joined by underscores: {@code Outer_Inner}, how generated siblings are named. */
  public String flatName() {
    return String.join("_", simpleNames);
  }

  /** The name in source: {@code com.example.Outer.Inner}. */
  public String canonicalName() {
    return packageName.isEmpty() ? display() : packageName + "." + display();
  }

  /** The binary name a class loader knows: {@code com.example.Outer$Inner}. */
  public String reflectionName() {
    String binary = String.join("$", simpleNames);
    return packageName.isEmpty() ? binary : packageName + "." + binary;
  }

  /** The class {@code simpleName} nested in this one. */
  public JavaName nested(String simpleName) {
    List<String> names = new java.util.ArrayList<>(simpleNames);
    names.add(simpleName);
    return new JavaName(packageName, names);
  }

  /** The canonical name. */
  @Override
  public String toString() {
    return canonicalName();
  }
}
