package io.synapse.plugins.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One violated field of a params input.
 *
 * @param path where, e.g. {@code batchSize}, {@code layers[2].size}, {@code labels.cat}; empty for the
 *     input as a whole
 * @param message what is wrong, never quoting the offending value
 * @param constraint which rule: {@code Required}, {@code Type}, {@code UnknownField}, or the jakarta
 *     constraint's simple name ({@code Min}, {@code NotBlank}, ...)
 */
public record Violation(String path, String message, String constraint) implements java.io.Serializable {

  /** Checks that no part is null. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(constraint, "constraint");
  }

  /** The violation as a JSON-like map ({@code path}, {@code message}, {@code constraint}). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", path);
    map.put("message", message);
    map.put("constraint", constraint);
    return map;
  }

  /** Reads a violation back from {@link #toMap()}'s form. */
  public static Violation fromMap(Map<?, ?> map) {
    return new Violation(
        String.valueOf(map.get("path")), String.valueOf(map.get("message")), String.valueOf(map.get("constraint")));
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(input)" : path) + ": " + message;
  }
}
