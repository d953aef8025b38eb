package io.synapse.plugins.pipeline;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.internal.Suggestions;
import io.synapse.plugins.secrets.SecretRule;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The accumulated params of merged pipelines, and what a run store may keep of params. */
final class PipelineParams {
  private PipelineParams() {}

  /**
   * The initial params of a merged pipeline keyed by wire names, checked before any action runs: a key that is
   * a param of no action, and a required param that neither they nor an earlier result give, are violations.
   *
   * @throws ValidationError listing every violation (nothing runs)
   */
  static Map<String, Object> initial(Pipeline<?, ?> pipeline, Map<String, ?> given) {
    Map<String, Object> wire = new LinkedHashMap<>();
    List<Violation> violations = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    boolean anyUnknownShape = false;
    for (Pipeline.Stage stage : pipeline.stages()) {
      ActionShape shape = stage.action().shape();
      anyUnknownShape |= !shape.known();
      shape.params().forEach(field -> known.add(field.wireName()));
    }
    for (Map.Entry<String, ?> entry : given.entrySet()) {
      String key = entry.getKey();
      if (entry.getValue() == null) {
        continue;
      }
      FieldShape field = findParam(pipeline, key);
      if (field != null) {
        if (wire.containsKey(field.wireName())) {
          violations.add(new Violation(field.wireName(), "is given twice, as '" + field.wireName() + "' and as '" + field.javaName() + "'",
              "DuplicateField"));
        }
        wire.put(field.wireName(), entry.getValue());
      } else if (anyUnknownShape) {
        wire.put(key, entry.getValue());
      } else {
        String hint = Suggestions.closest(key, known).map(s -> "; did you mean '" + s + "'?").orElse("");
        violations.add(new Violation(key, "is a param of no action of the pipeline" + hint, "UnknownField"));
      }
    }
    for (FieldShape field : pipeline.initialParams()) {
      if (field.required() && !wire.containsKey(field.wireName())) {
        violations.add(new Violation(field.wireName(), "is required (by an action of the pipeline, and no earlier action gives it)",
            "Required"));
      }
    }
    if (violations.isEmpty()) {
      valuesEachActionTakes(pipeline, wire, violations);
    }
    if (!violations.isEmpty()) {
      throw new ValidationError("initial params of pipeline '" + pipeline.name() + "'", violations);
    }
    return wire;
  }

  // Each action binds the initial params it takes (those no earlier result gives) now, so that a value that
  // breaks its rules is refused before the first action starts; params an earlier result gives are left to the
  // action's own binding when it starts.
  private static void valuesEachActionTakes(Pipeline<?, ?> pipeline, Map<String, Object> wire, List<Violation> violations) {
    Set<String> fromResults = new java.util.HashSet<>();
    Set<String> reported = new java.util.HashSet<>();
    for (Pipeline.Stage stage : pipeline.stages()) {
      ActionShape shape = stage.action().shape();
      if (!shape.known()) {
        return;
      }
      Map<String, Object> taken = new LinkedHashMap<>();
      for (FieldShape field : shape.params()) {
        if (!fromResults.contains(field.wireName()) && wire.containsKey(field.wireName())) {
          taken.put(field.wireName(), wire.get(field.wireName()));
        }
      }
      try {
        stage.action().bindParams(taken);
      } catch (ValidationError e) {
        for (Violation violation : e.violations()) {
          String key = topLevel(violation.path());
          if (taken.containsKey(key) && reported.add(violation.path() + "\u0000" + violation.constraint())) {
            violations.add(violation);
          }
        }
      }
      shape.result().forEach(field -> fromResults.add(field.wireName()));
    }
  }

  private static String topLevel(String path) {
    int end = path.length();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    return path.substring(0, end);
  }

  /** The part of {@code accumulated} that action {@code shape} takes (every key, for a shape that says nothing). */
  static Map<String, Object> project(ActionShape shape, Map<String, Object> accumulated) {
    if (!shape.known()) {
      return new LinkedHashMap<>(accumulated);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (FieldShape field : shape.params()) {
      Object value = accumulated.get(field.wireName());
      if (value != null) {
        params.put(field.wireName(), value);
      }
    }
    return params;
  }

  private static FieldShape findParam(Pipeline<?, ?> pipeline, String key) {
    for (Pipeline.Stage stage : pipeline.stages()) {
      FieldShape field = stage.action().shape().param(key);
      if (field != null) {
        return field;
      }
    }
    return null;
  }

  /** The wire names of every secret param and result component of the pipeline's actions. */
  static Set<String> secretKeys(Pipeline<?, ?> pipeline) {
    Set<String> keys = new LinkedHashSet<>();
    for (Pipeline.Stage stage : pipeline.stages()) {
      ActionShape shape = stage.action().shape();
      shape.params().stream().filter(FieldShape::secret).forEach(f -> keys.add(f.wireName()));
      shape.result().stream().filter(FieldShape::secret).forEach(f -> keys.add(f.wireName()));
    }
    return keys;
  }

  /**
   * {@code values} as a run store may keep them: the values under secret keys replaced by the mask
   * ({@link SecretRule#MASK}). Null stays null.
   */
  static Map<String, Object> storable(Map<String, Object> values, Set<String> secretKeys) {
    if (values == null) {
      return null;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((key, value) -> copy.put(key, secretKeys.contains(key) && value != null ? SecretRule.MASK : value));
    return copy;
  }

  /** The keys of {@code values} whose values {@link #storable} masks. */
  static List<String> maskedKeys(Map<String, Object> values, Set<String> secretKeys) {
    List<String> keys = new ArrayList<>();
    values.forEach((key, value) -> {
      if (secretKeys.contains(key) && value != null) {
        keys.add(key);
      }
    });
    return keys;
  }

  /** A result as a run store may keep it: a map with its secret components masked, anything else as it is. */
  @SuppressWarnings("unchecked")
  static Object storableResult(Object result, Set<String> secretKeys) {
    return result instanceof Map<?, ?> map ? storable((Map<String, Object>) map, secretKeys) : result;
  }
}
