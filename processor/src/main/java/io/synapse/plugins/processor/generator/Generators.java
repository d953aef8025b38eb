package io.synapse.plugins.processor.generator;

import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.Compilation;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.lang.model.element.Element;

/**
 * Which generator makes which artifact from which model: every file the processor writes, listed in one
 * place: per record its binder; per action its descriptor and params and result schemas; per declared
 * pipeline its initial-params schema; per plugin its registry, facade, config.yaml, service file and
 * native-image resource config. The processor makes and writes each job's artifact, reporting a failure on the job's element.
 */
public final class Generators {
  private Generators() {}

  /**
   * One artifact to make.
   *
   * @param element where a failure to make it is reported (null for models built without javac)
   * @param artifact makes it
   */
  public record Job(Element element, Supplier<Artifact> artifact) {}

  /** Every artifact of {@code compilation}, in a fixed order. */
  public static List<Job> of(Compilation compilation) {
    List<Job> jobs = new ArrayList<>();
    BinderGenerator binders = new BinderGenerator();
    for (RecordModel record : compilation.records()) {
      if (record.generate()) {
        jobs.add(new Job(record.element(), () -> binders.generate(record)));
      }
    }
    compilation.plugin().ifPresent(plugin -> jobs.addAll(ofPlugin(plugin, compilation.recordsByName())));
    return jobs;
  }

  private static List<Job> ofPlugin(PluginModel plugin, Map<String, RecordModel> records) {
    List<Job> jobs = new ArrayList<>();
    List<Generator<ActionModel>> perAction = List.of(
        new DescriptorGenerator(plugin, records),
        new SchemaGenerator(plugin, records, SchemaGenerator.Side.PARAMS),
        new SchemaGenerator(plugin, records, SchemaGenerator.Side.RESULT));
    for (ActionModel action : plugin.actions()) {
      for (Generator<ActionModel> generator : perAction) {
        jobs.add(new Job(action.element(), () -> generator.generate(action)));
      }
    }
    Generator<PipelineModel> pipelineSchema = new PipelineSchemaGenerator(plugin, records);
    for (PipelineModel pipeline : plugin.pipelines()) {
      jobs.add(new Job(pipeline.element(), () -> pipelineSchema.generate(pipeline)));
    }
    List<Generator<PluginModel>> perPlugin = List.of(
        new RegistryGenerator(),
        new FacadeGenerator(records),
        new ConfigYamlGenerator(),
        new ServiceFileGenerator(),
        new NativeImageConfigGenerator());
    for (Generator<PluginModel> generator : perPlugin) {
      jobs.add(new Job(plugin.element(), () -> generator.generate(plugin)));
    }
    return jobs;
  }
}
