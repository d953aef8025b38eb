package io.synapse.plugins.processor.reading;

import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.JavaName;
import io.synapse.plugins.processor.model.ScalarKind;
import io.synapse.plugins.processor.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns the {@link TypeMirror} of a record component or action result into a {@link FieldType},
 * reporting what it cannot support and noting the records it reaches so they are read too.
 */
public final class TypeReader {

  /** Receives an unsupported type: the whole type as written, and a hint about the offending part. */
  @FunctionalInterface
  public interface Unsupported {
    void report(String hint);
  }

  private final Elements elements;
  private final Set<String> typesInCompilation;

  /**
   * @param typesInCompilation the qualified names of the top-level types compiled now: their records get
   *     fresh binders even when stale ones are on the class path
   */
  public TypeReader(Elements elements, Set<String> typesInCompilation) {
    this.elements = elements;
    this.typesInCompilation = typesInCompilation;
  }

  /**
   * Reads {@code type}.
   *
   * @param at the element using the type, for unresolved-type reports
   * @param allowVoid whether {@code Void} is allowed (action results)
   * @param snakeCase whether enum wire values are snake_case (else the constant names), unless a constant chooses its own
   * @param recordFound receives every record reached
   * @return the type, or null after a report
   */
  public FieldType read(TypeMirror type, Element at, boolean allowVoid, boolean snakeCase, Report report,
      Unsupported unsupported, Consumer<TypeElement> recordFound) {
    return new Reading(snakeCase, report, unsupported, recordFound).read(type, at, allowVoid, true);
  }

  /** One type being read, with what every part of it shares. */
  private final class Reading {
    private final boolean snakeCase;
    private final Report report;
    private final Unsupported unsupported;
    private final Consumer<TypeElement> recordFound;

    Reading(boolean snakeCase, Report report, Unsupported unsupported, Consumer<TypeElement> recordFound) {
      this.snakeCase = snakeCase;
      this.report = report;
      this.unsupported = unsupported;
      this.recordFound = recordFound;
    }

    private FieldType read(TypeMirror type, Element at, boolean allowVoid, boolean topLevel) {
      switch (type.getKind()) {
        case ERROR:
          report.unresolved(at, type);
          return null;
        case BOOLEAN:
          return new FieldType.Scalar(ScalarKind.BOOLEAN, true);
        case INT:
          return new FieldType.Scalar(ScalarKind.INT, true);
        case LONG:
          return new FieldType.Scalar(ScalarKind.LONG, true);
        case SHORT:
          return new FieldType.Scalar(ScalarKind.SHORT, true);
        case BYTE:
          return new FieldType.Scalar(ScalarKind.BYTE, true);
        case DOUBLE:
          return new FieldType.Scalar(ScalarKind.DOUBLE, true);
        case FLOAT:
          return new FieldType.Scalar(ScalarKind.FLOAT, true);
        case CHAR:
          unsupported.report(" (char is not supported: use String)");
          return null;
        case ARRAY:
          unsupported.report(" (arrays are not supported: use List<T>)");
          return null;
        case TYPEVAR:
          unsupported.report(" (type variable " + type + " is not concrete)");
          return null;
        case WILDCARD:
          unsupported.report(" (wildcard " + type + " is not supported: give the exact type)");
          return null;
        case DECLARED:
          return declared((DeclaredType) type, at, allowVoid && topLevel);
        default:
          unsupported.report("");
          return null;
      }
    }

    private FieldType declared(DeclaredType type, Element at, boolean allowVoid) {
      TypeElement element = (TypeElement) type.asElement();
      String name = element.getQualifiedName().toString();
      List<? extends TypeMirror> args = type.getTypeArguments();
      ScalarKind scalar = ScalarKind.ofQualifiedName(name);
      if (scalar != null) {
        return new FieldType.Scalar(scalar, false);
      }
      switch (name) {
        case "java.lang.Void":
          if (allowVoid) {
            return new FieldType.VoidType();
          }
          unsupported.report(" (Void is only allowed as a result)");
          return null;
        case "java.util.List", "java.util.Set", "java.util.Optional": {
          if (args.size() != 1) {
            unsupported.report(" (raw " + element.getSimpleName() + ": give its type argument)");
            return null;
          }
          FieldType inner = read(args.get(0), at, false, false);
          if (inner == null) {
            return null;
          }
          return switch (name) {
            case "java.util.List" -> new FieldType.ListType(inner);
            case "java.util.Set" -> new FieldType.SetType(inner);
            default -> new FieldType.OptionalType(inner);
          };
        }
        case "java.util.Map": {
          if (args.size() != 2) {
            unsupported.report(" (raw Map: use Map<String, T>)");
            return null;
          }
          TypeMirror key = args.get(0);
          if (key.getKind() == TypeKind.ERROR) {
            report.unresolved(at, key);
            return null;
          }
          if (key.getKind() != TypeKind.DECLARED
              || !((TypeElement) ((DeclaredType) key).asElement()).getQualifiedName().contentEquals("java.lang.String")) {
            unsupported.report(" (map keys must be String, not " + key + ")");
            return null;
          }
          FieldType value = read(args.get(1), at, false, false);
          return value == null ? null : new FieldType.MapType(value);
        }
        default:
          break;
      }
      if (element.getKind() == ElementKind.ENUM) {
        List<String> constants = new ArrayList<>();
        List<String> wireValues = new ArrayList<>();
        for (Element member : element.getEnclosedElements()) {
          if (member.getKind() == ElementKind.ENUM_CONSTANT) {
            String constant = member.getSimpleName().toString();
            constants.add(constant);
            wireValues.add(Annotations.find(member, RuntimeTypes.WIRE_NAME.canonicalName())
                .map(mirror -> (String) Annotations.explicitValue(mirror, "value").getValue())
                .orElse(snakeCase ? Names.snakeCase(constant) : constant));
          }
        }
        return new FieldType.EnumType(JavaName.of(element), List.copyOf(constants), List.copyOf(wireValues));
      }
      if (element.getKind() == ElementKind.RECORD) {
        if (!element.getTypeParameters().isEmpty()) {
          unsupported.report(" (generic records are not supported)");
          return null;
        }
        recordFound.accept(element);
        return recordType(element);
      }
      unsupported.report(" (" + element.getSimpleName() + " is not a record, enum or supported JDK type)");
      return null;
    }
  }

  /** The record type of {@code record}, with the name of its binder. */
  public FieldType.RecordType recordType(TypeElement record) {
    JavaName name = JavaName.of(record);
    return new FieldType.RecordType(record.getQualifiedName().toString(), name, GeneratedNames.binder(name));
  }

  /**
   * Whether {@code record} needs a generated binder: it is compiled now, or its binder is missing from
   * the class path.
   */
  public boolean needsGeneration(TypeElement record, FieldType.RecordType type) {
    Element outermost = record;
    while (outermost.getEnclosingElement() != null && outermost.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
      outermost = outermost.getEnclosingElement();
    }
    if (typesInCompilation.contains(((TypeElement) outermost).getQualifiedName().toString())) {
      return true;
    }
    return elements.getTypeElement(type.binder().canonicalName()) == null;
  }
}
