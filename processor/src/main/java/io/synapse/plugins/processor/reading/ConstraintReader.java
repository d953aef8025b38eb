package io.synapse.plugins.processor.reading;

import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.Constraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the jakarta constraints of a record component. Jakarta constraints cannot target record
 * components, so javac moves them to the accessor, the field, the canonical constructor's parameter and
 * (as type annotations) the component's type: all four are read and merged by annotation type.
 */
public final class ConstraintReader {
  private static final Map<String, Integer> FLAG_BITS = Map.of(
      "UNIX_LINES", 1, "CASE_INSENSITIVE", 2, "COMMENTS", 4, "MULTILINE", 8, "DOTALL", 32, "UNICODE_CASE", 64,
      "CANON_EQ", 128);

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;

  public ConstraintReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.annotations = new Annotations(elements);
  }

  /** Every jakarta constraint of {@code component}, one per annotation type, in source order. */
  public List<Constraint> read(RecordComponentElement component) {
    Map<String, AnnotationMirror> byType = new LinkedHashMap<>();
    for (Element carrier : carriers(component)) {
      for (AnnotationMirror mirror : carrier.getAnnotationMirrors()) {
        byType.putIfAbsent(Annotations.qualifiedName(mirror), mirror);
      }
    }
    for (AnnotationMirror mirror : component.asType().getAnnotationMirrors()) {
      byType.putIfAbsent(Annotations.qualifiedName(mirror), mirror);
    }
    List<Constraint> constraints = new ArrayList<>();
    for (AnnotationMirror mirror : byType.values()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (elements.getPackageOf(annotationType).getQualifiedName().contentEquals(RuntimeTypes.JAKARTA_CONSTRAINTS)) {
        constraints.add(constraint(mirror, annotationType));
      }
    }
    return List.copyOf(constraints);
  }

  private List<Element> carriers(RecordComponentElement component) {
    List<Element> carriers = new ArrayList<>();
    carriers.add(component);
    if (component.getAccessor() != null) {
      carriers.add(component.getAccessor());
    }
    TypeElement record = (TypeElement) component.getEnclosingElement();
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    int index = components.indexOf(component);
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        carriers.add(member);
      }
      if (member.getKind() == ElementKind.CONSTRUCTOR && isCanonical((ExecutableElement) member, components)) {
        carriers.add(((ExecutableElement) member).getParameters().get(index));
      }
    }
    return carriers;
  }

  private boolean isCanonical(ExecutableElement constructor, List<? extends RecordComponentElement> components) {
    if (constructor.getParameters().size() != components.size()) {
      return false;
    }
    for (int i = 0; i < components.size(); i++) {
      if (!types.isSameType(types.erasure(constructor.getParameters().get(i).asType()), types.erasure(components.get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  private Constraint constraint(AnnotationMirror mirror, TypeElement annotationType) {
    String name = annotationType.getSimpleName().toString();
    boolean topLevel = annotationType.getEnclosingElement().getKind() == ElementKind.PACKAGE;
    if (!topLevel) {
      return new Constraint.Unsupported(mirror, annotationType.getEnclosingElement().getSimpleName() + "." + name);
    }
    return switch (name) {
      case "NotNull" -> new Constraint.NotNull(mirror);
      case "NotBlank" -> new Constraint.NotBlank(mirror);
      case "NotEmpty" -> new Constraint.NotEmpty(mirror);
      case "Size" -> new Constraint.Size(mirror, annotations.intValue(mirror, "min"), annotations.intValue(mirror, "max"));
      case "Min" -> new Constraint.Min(mirror, annotations.longValue(mirror, "value"));
      case "Max" -> new Constraint.Max(mirror, annotations.longValue(mirror, "value"));
      case "DecimalMin" -> new Constraint.DecimalMin(
          mirror, annotations.string(mirror, "value"), annotations.booleanValue(mirror, "inclusive"));
      case "DecimalMax" -> new Constraint.DecimalMax(
          mirror, annotations.string(mirror, "value"), annotations.booleanValue(mirror, "inclusive"));
      case "Positive" -> new Constraint.Positive(mirror);
      case "PositiveOrZero" -> new Constraint.PositiveOrZero(mirror);
      case "Negative" -> new Constraint.Negative(mirror);
      case "NegativeOrZero" -> new Constraint.NegativeOrZero(mirror);
      case "Pattern" -> {
        List<String> flags = annotations.enumConstants(mirror, "flags");
        yield new Constraint.Pattern(mirror, annotations.string(mirror, "regexp"), flags, bits(flags));
      }
      case "Email" -> {
        List<String> flags = annotations.enumConstants(mirror, "flags");
        yield new Constraint.Email(mirror, annotations.string(mirror, "regexp"), flags, bits(flags));
      }
      default -> new Constraint.Unsupported(mirror, name);
    };
  }

  private static int bits(List<String> flags) {
    int bits = 0;
    for (String flag : flags) {
      bits |= FLAG_BITS.getOrDefault(flag, 0);
    }
    return bits;
  }
}
