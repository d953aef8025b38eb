package io.synapse.plugins.processor.validation;

import io.synapse.plugins.errors.PipelineDefinitionError.Problem;
import io.synapse.plugins.pipeline.PipelineChecks;
import io.synapse.plugins.processor.Diagnostic;
import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.Suggestions;
import io.synapse.plugins.processor.generator.JavaFiles;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.ActionShapes;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.reading.Annotations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every {@code @PluginPipeline} on its annotation: its name, that it is unique, that every action it
 * names exists, and then the pipeline rules the runtime checks too ({@link PipelineChecks}): compatible
 * semantic types, result components that fit the params they feed, and, with an initial params record, every
 * required param given.
 */
public final class PipelineValidator {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /** Checks the pipelines of {@code plugin}; {@code records} are every record read, by qualified name. */
  public void validate(PluginModel plugin, Map<String, RecordModel> records, Report report) {
    Map<String, PipelineModel> byMethod = new HashMap<>();
    for (PipelineModel pipeline : plugin.pipelines()) {
      if (!NAME.matcher(pipeline.name()).matches()) {
        report.at(Diagnostic.InvalidPipelineName, pipeline.element(), pipeline.mirror(), Annotations.explicitValue(pipeline.mirror(), "name"),
            pipeline.name());
        continue;
      }
      String method = JavaFiles.methodName(pipeline.name()) + "Pipeline";
      PipelineModel other = byMethod.putIfAbsent(method, pipeline);
      if (other != null) {
        for (PipelineModel clash : List.of(other, pipeline)) {
          report.at(Diagnostic.DuplicatePipelineName, clash.element(), clash.mirror(), Annotations.explicitValue(clash.mirror(), "name"),
              clash.name(), method);
        }
      }
      validate(plugin, pipeline, records, report);
    }
  }

  private void validate(PluginModel plugin, PipelineModel pipeline, Map<String, RecordModel> records, Report report) {
    if (pipeline.actions().isEmpty()) {
      report.at(Diagnostic.PipelineEmpty, pipeline.element(), pipeline.mirror(), Annotations.explicitValue(pipeline.mirror(), "actions"),
          pipeline.name());
      return;
    }
    List<PipelineChecks.Stage> stages = new ArrayList<>();
    boolean allFound = true;
    for (int i = 0; i < pipeline.actions().size(); i++) {
      String name = pipeline.actions().get(i);
      ActionModel action = plugin.action(name);
      if (action == null) {
        allFound = false;
        String hint = Suggestions.didYouMean(name, plugin.actions().stream().map(ActionModel::name).toList());
        report.at(Diagnostic.PipelineUnknownAction, pipeline.element(), pipeline.mirror(), pipeline.actionValues().get(i),
            pipeline.name(), name, hint);
      } else {
        stages.add(new PipelineChecks.Stage(name, ActionShapes.of(action, records), true));
      }
    }
    if (!allFound) {
      return;
    }
    RecordModel initial = pipeline.params() == null ? null : records.get(pipeline.params().getQualifiedName().toString());
    for (Problem problem : PipelineChecks.check(stages, initial == null ? null : ActionShapes.fields(initial))) {
      Diagnostic diagnostic = Diagnostic.valueOf(problem.id());
      if (problem.actionIndex() >= 0) {
        report.at(diagnostic, pipeline.element(), pipeline.mirror(), pipeline.actionValues().get(problem.actionIndex()), pipeline.name(),
            problem.message());
      } else {
        report.at(diagnostic, pipeline.element(), pipeline.mirror(), Annotations.explicitValue(pipeline.mirror(), "params"), pipeline.name(),
            problem.message());
      }
    }
  }
}
