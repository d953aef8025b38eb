package io.synapse.plugins.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a pipeline needs to know of an action to check a chain of actions without running it: its semantic
 * input and output types and the components of its params and of its result. Generated into every
 * descriptor ({@link ActionDescriptor#shape()}), from the same facts the processor checks pipelines with.
 *
 * @param inputType the semantic input type's name, empty when none
 * @param outputType the semantic output type's name, empty when none
 * @param params the params record's components, in declaration order
 * @param result the result record's components (empty when the result is not a record)
 * @param known false for a descriptor that does not say (written by hand): then only its types are checked
 */
public record ActionShape(String inputType, String outputType, List<FieldShape> params, List<FieldShape> result, boolean known) {

  /** Checks that no part is null; copies the lists. */
  public ActionShape {
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(outputType, "outputType");
    params = List.copyOf(params);
    result = List.copyOf(result);
  }

  /** The shape of a generated descriptor. */
  public static ActionShape of(String inputType, String outputType, List<FieldShape> params, List<FieldShape> result) {
    return new ActionShape(inputType, outputType, params, result, true);
  }

  /** The shape of a descriptor that says nothing of its records, only its semantic types. */
  public static ActionShape unknown(String inputType, String outputType) {
    return new ActionShape(inputType, outputType, List.of(), List.of(), false);
  }

  /** The params component answering to {@code key} (its wire or Java name), or null. */
  public FieldShape param(String key) {
    for (FieldShape field : params) {
      if (field.wireName().equals(key) || field.javaName().equals(key)) {
        return field;
      }
    }
    return null;
  }
}
