package io.synapse.plugins.pipeline;

import io.synapse.plugins.errors.PipelineDefinitionError.Problem;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import io.synapse.plugins.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a pipeline is checked by, in one place: the annotation processor applies them to every
 * {@code @PluginPipeline} at compile time (reporting each problem on the annotation), and the runtime applies
 * them to every pipeline built at run time ({@link Pipeline}). Pure: it looks at {@link ActionShape}s only.
 *
 * <ul>
 *   <li>{@value #INCOMPATIBLE_TYPES}: an action's {@code outputType} is not compatible with the next one's
 *       {@code inputType} ({@link DataType#compatible});
 *   <li>{@value #FIELD_TYPE_MISMATCH}: a component of an earlier result (or of the initial params record)
 *       feeds a param of the same wire name whose JSON type cannot take it;
 *   <li>{@value #PARAM_NOT_PROVIDED}: with a declared initial params record, a required param of an action is
 *       given neither by it nor by an earlier action's result;
 *   <li>{@value #UNKNOWN_PARAM}: a component of the initial params record that no action takes.
 * </ul>
 *
 * Actions whose params are made by code (the typed builder's mappings) are checked for their types only.
 */
public final class PipelineChecks {
  /** Problem id: adjacent semantic types are incompatible. */
  public static final String INCOMPATIBLE_TYPES = "PipelineIncompatibleTypes";
  /** Problem id: a result component cannot feed the param of the same name. */
  public static final String FIELD_TYPE_MISMATCH = "PipelineFieldTypeMismatch";
  /** Problem id: a required param is given by nothing. */
  public static final String PARAM_NOT_PROVIDED = "PipelineParamNotProvided";
  /** Problem id: an initial param no action takes. */
  public static final String UNKNOWN_PARAM = "PipelineUnknownParam";

  /**
   * One action of a pipeline as the checks see it.
   *
   * @param action the action's name
   * @param shape its shape
   * @param merged true when its params come from the accumulated params (declared pipelines), false when
   *     code makes them (the typed builder)
   */
  public record Stage(String action, ActionShape shape, boolean merged) {}

  private PipelineChecks() {}

  /**
   * Every problem of {@code stages}, in pipeline order.
   *
   * @param initialParams the components of the declared initial params record, or null when the initial
   *     params are a map (then no param is "not provided": the map may give it)
   */
  public static List<Problem> check(List<Stage> stages, List<FieldShape> initialParams) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 1; i < stages.size(); i++) {
      Stage before = stages.get(i - 1);
      Stage stage = stages.get(i);
      String output = before.shape().outputType();
      String input = stage.shape().inputType();
      if (!DataType.compatible(output, input)) {
        problems.add(new Problem(INCOMPATIBLE_TYPES, i, "action '" + before.action() + "' outputs " + output
            + " but the next action '" + stage.action() + "' expects " + input + ", which is neither it nor a kind of it"));
      }
    }
    // Where each wire name comes from, as the accumulated params grow: the initial record, then each result.
    Map<String, Source> provided = new LinkedHashMap<>();
    if (initialParams != null) {
      for (FieldShape field : initialParams) {
        provided.put(field.wireName(), new Source("the initial params", field));
      }
    }
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      if (stage.merged() && stage.shape().known()) {
        for (FieldShape param : stage.shape().params()) {
          Source source = provided.get(param.wireName());
          if (source != null && !param.accepts(source.field().jsonType())) {
            problems.add(new Problem(FIELD_TYPE_MISMATCH, i, "param '" + param.wireName() + "' of action '" + stage.action()
                + "' is " + article(param.jsonType()) + ", but " + source.what() + " has it as " + article(source.field().jsonType())));
          } else if (source == null && initialParams != null && param.required()) {
            problems.add(new Problem(PARAM_NOT_PROVIDED, i, "required param '" + param.wireName() + "' of action '" + stage.action()
                + "' is given neither by the initial params nor by the result of an earlier action"));
          }
        }
      }
      if (stage.shape().known()) {
        for (FieldShape field : stage.shape().result()) {
          provided.put(field.wireName(), new Source("the result of action '" + stage.action() + "'", field));
        }
      }
    }
    if (initialParams != null) {
      for (FieldShape field : initialParams) {
        if (!takenByAny(stages, field.wireName())) {
          problems.add(new Problem(UNKNOWN_PARAM, -1, "initial param '" + field.wireName() + "' is a param of no action of the pipeline"));
        }
      }
    }
    return problems;
  }

  /**
   * The params the pipeline needs from its caller: every param of a merged action that no earlier result
   * gives, once, in pipeline order; required when an action that takes it from the initial params requires
   * it. This is the pipeline's initial-params schema.
   */
  public static List<FieldShape> initialParams(List<Stage> stages) {
    Map<String, FieldShape> initial = new LinkedHashMap<>();
    java.util.Set<String> fromResults = new java.util.HashSet<>();
    for (Stage stage : stages) {
      if (!stage.shape().known()) {
        continue;
      }
      if (stage.merged()) {
        for (FieldShape param : stage.shape().params()) {
          if (fromResults.contains(param.wireName())) {
            continue;
          }
          FieldShape known = initial.get(param.wireName());
          if (known == null) {
            initial.put(param.wireName(), param);
          } else if (param.required() && !known.required()) {
            initial.put(param.wireName(), new FieldShape(known.wireName(), known.javaName(), true, known.jsonType(), known.secret()));
          }
        }
      }
      for (FieldShape field : stage.shape().result()) {
        fromResults.add(field.wireName());
      }
    }
    return List.copyOf(initial.values());
  }

  private static boolean takenByAny(List<Stage> stages, String wireName) {
    for (Stage stage : stages) {
      if (!stage.shape().known() || stage.shape().param(wireName) != null) {
        return true;
      }
    }
    return false;
  }

  private static String article(String jsonType) {
    return switch (jsonType) {
      case "any" -> "any value";
      case "integer", "array", "object" -> "an " + jsonType;
      default -> "a " + jsonType;
    };
  }

  private record Source(String what, FieldShape field) {}
}
