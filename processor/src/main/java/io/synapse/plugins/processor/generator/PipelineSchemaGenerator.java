package io.synapse.plugins.processor.generator;

import io.synapse.plugins.pipeline.PipelineChecks;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.ActionShapes;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.spi.FieldShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates a pipeline's initial-params JSON Schema: its initial params record's schema when it declares one,
 * else the params the pipeline needs from its caller ({@link PipelineChecks#initialParams}), each with the
 * schema of the first action's component that takes it, required when no earlier result gives it.
 */
public final class PipelineSchemaGenerator {
  private final Map<String, RecordModel> records;
  private final SchemaGenerator schemas;

  /** @param records every record read, by qualified name */
  public PipelineSchemaGenerator(Map<String, RecordModel> records) {
    this.records = records;
    this.schemas = new SchemaGenerator(records);
  }

  /** The resource path of {@code pipeline}'s initial-params schema. */
  public static String path(PluginModel plugin, PipelineModel pipeline) {
    return "META-INF/synapse/" + plugin.code() + "/pipelines/" + pipeline.name() + ".params.schema.json";
  }

  /** The schema text of {@code pipeline} of {@code plugin}. */
  public String generate(PluginModel plugin, PipelineModel pipeline) {
    String description = pipeline.description().isEmpty()
        ? "Initial params of pipeline '" + pipeline.name() + "' (" + String.join(" | ", pipeline.actions()) + ")"
        : pipeline.description();
    if (pipeline.params() != null) {
      RecordModel record = records.get(pipeline.params().getQualifiedName().toString());
      return schemas.record(record.type(), description);
    }
    List<PipelineChecks.Stage> stages = new ArrayList<>();
    List<ActionModel> actions = new ArrayList<>();
    for (String name : pipeline.actions()) {
      ActionModel action = plugin.action(name);
      actions.add(action);
      stages.add(new PipelineChecks.Stage(name, ActionShapes.of(action, records), true));
    }
    List<ParamField> fields = new ArrayList<>();
    Set<String> required = new HashSet<>();
    for (FieldShape shape : PipelineChecks.initialParams(stages)) {
      fields.add(firstTaking(actions, shape.wireName()));
      if (shape.required()) {
        required.add(shape.wireName());
      }
    }
    return schemas.pipelineParams("Pipeline " + pipeline.title(), description, fields, required);
  }

  // The first action taking a key the pipeline needs from its caller is the one that takes it from the
  // initial params: an earlier result giving the key would have given it to every later action as well.
  private ParamField firstTaking(List<ActionModel> actions, String wireName) {
    for (ActionModel action : actions) {
      RecordModel params = records.get(action.params().qualifiedName());
      for (ParamField field : params.fields()) {
        if (field.wireName().equals(wireName)) {
          return field;
        }
      }
    }
    throw new IllegalStateException("no action takes " + wireName);
  }
}
