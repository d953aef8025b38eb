package io.synapse.plugins.spi;

import java.util.Objects;

/**
 * One component of a params or result record as a pipeline sees it: its names, whether binding needs it,
 * and the JSON type of its wire form ({@code string}, {@code integer}, {@code number}, {@code boolean},
 * {@code array}, {@code object}, or {@code any}), the same type its JSON Schema gives.
 *
 * @param wireName the name in params and results ({@code input_path})
 * @param javaName the component's Java name, which binding also takes
 * @param required whether binding fails when it is absent
 * @param jsonType the JSON type of its wire form
 * @param secret whether it is {@code @Secret} (a run store never keeps its value)
 */
public record FieldShape(String wireName, String javaName, boolean required, String jsonType, boolean secret) {

  /** Checks that no part is null. */
  public FieldShape {
    Objects.requireNonNull(wireName, "wireName");
    Objects.requireNonNull(javaName, "javaName");
    Objects.requireNonNull(jsonType, "jsonType");
  }

  /**
   * Whether a value written as {@code from} (a result component) binds where this field's type is
   * expected: the same JSON type, an integer where a number is expected, or anything where any value is.
   * A number never becomes a string (the binder makes no strings from numbers).
   */
  public boolean accepts(String from) {
    return jsonType.equals("any") || from.equals("any") || jsonType.equals(from)
        || (jsonType.equals("number") && from.equals("integer"));
  }
}
