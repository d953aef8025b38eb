package io.synapse.plugins.processor.model;

/**
 * The JSON type of a component's wire form ({@code string}, {@code integer}, {@code number}, {@code boolean},
 * {@code array}, {@code object}, {@code null}, or {@code any}): what its JSON Schema's {@code type} says, and
 * what pipelines compare when one action's result feeds the next one's params.
 */
public final class JsonTypes {
  private JsonTypes() {}

  /** The JSON type of {@code type}; an {@code Optional} has its content's. */
  public static String of(FieldType type) {
    if (type instanceof FieldType.Scalar scalar) {
      String json = scalar(scalar.kind());
      return json == null ? "any" : json;
    }
    if (type instanceof FieldType.EnumType) {
      return "string";
    }
    if (type instanceof FieldType.ListType || type instanceof FieldType.SetType) {
      return "array";
    }
    if (type instanceof FieldType.MapType || type instanceof FieldType.RecordType) {
      return "object";
    }
    if (type instanceof FieldType.OptionalType optional) {
      return of(optional.content());
    }
    return "null";
  }

  /** The JSON type of a scalar kind, or null for {@code Object} (any value). */
  public static String scalar(ScalarKind kind) {
    return switch (kind) {
      case STRING, PATH, URI, DURATION, INSTANT, LOCAL_DATE -> "string";
      case BOOLEAN -> "boolean";
      case INT, LONG, SHORT, BYTE, BIG_INTEGER -> "integer";
      case FLOAT, DOUBLE, BIG_DECIMAL -> "number";
      case ANY -> null;
    };
  }
}
