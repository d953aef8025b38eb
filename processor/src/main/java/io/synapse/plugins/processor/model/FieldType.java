package io.synapse.plugins.processor.model;

import java.util.List;

/**
 * The type of a params component or an action result, as the generated code sees it. The generators
 * spell it as a JavaPoet type ({@code generator.TypeNames}).
 */
public sealed interface FieldType {

  /** A readable form for messages, e.g. {@code List<String>}. */
  String display();

  /** The type inside an {@code Optional}, or this type. */
  default FieldType unwrapOptional() {
    return this instanceof OptionalType optional ? optional.content() : this;
  }

  /** Whether a {@code @Default} text is taken as is (a string) rather than parsed as JSON. */
  default boolean takesDefaultAsText() {
    FieldType inner = unwrapOptional();
    return inner instanceof EnumType
        || (inner instanceof Scalar scalar && scalar.kind().family() == ScalarKind.Family.TEXT);
  }

  /** A string, number, boolean or enum (or Path, URI, ...): a default can be passed as its text. */
  default boolean isTextDefaultable() {
    FieldType inner = unwrapOptional();
    return inner instanceof EnumType
        || (inner instanceof Scalar scalar && scalar.kind() != ScalarKind.ANY);
  }

  /** A scalar; {@code primitive} when declared as a Java primitive. */
  record Scalar(ScalarKind kind, boolean primitive) implements FieldType {
    @Override
    public String display() {
      if (primitive) {
        return switch (kind) {
          case INT -> "int";
          case BOOLEAN -> "boolean";
          default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
      }
      String name = kind.qualifiedName();
      return name.substring(name.lastIndexOf('.') + 1);
    }
  }

  /**
   * An enum, with its constants in declaration order and, at the same index, each constant's wire value
   * (lower snake_case of its name unless the naming is Java's, or its own {@code @WireName}).
   */
  record EnumType(JavaName name, List<String> constants, List<String> wireValues) implements FieldType {
    /** Whether every wire value is the constant's name (then readers and writers need no table). */
    public boolean wireValuesAreNames() {
      return constants.equals(wireValues);
    }

    /** The wire value of the constant named {@code constant}. */
    public String wireValueOf(String constant) {
      return wireValues.get(constants.indexOf(constant));
    }

    @Override
    public String display() {
      return name.display();
    }
  }

  /** {@code List<T>}. */
  record ListType(FieldType element) implements FieldType {
    @Override
    public String display() {
      return "List<" + element.display() + ">";
    }
  }

  /** {@code Set<T>}. */
  record SetType(FieldType element) implements FieldType {
    @Override
    public String display() {
      return "Set<" + element.display() + ">";
    }
  }

  /** {@code Map<String, T>}. */
  record MapType(FieldType value) implements FieldType {
    @Override
    public String display() {
      return "Map<String, " + value.display() + ">";
    }
  }

  /** {@code Optional<T>}. */
  record OptionalType(FieldType content) implements FieldType {
    @Override
    public String display() {
      return "Optional<" + content.display() + ">";
    }
  }

  /**
   * A record, bound and written by {@code binder} (a {@code RecordBinder} that is also a
   * {@code RecordWriter}; generated, or reused from the class path).
   */
  record RecordType(String qualifiedName, JavaName name, JavaName binder) implements FieldType {
    @Override
    public String display() {
      return name.display();
    }
  }

  /** {@code Void}: only as an action result. */
  record VoidType() implements FieldType {
    @Override
    public String display() {
      return "Void";
    }
  }
}
