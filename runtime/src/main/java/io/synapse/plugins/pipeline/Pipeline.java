package io.synapse.plugins.pipeline;

import io.synapse.plugins.discovery.PipelineConfig;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.PipelineDefinitionError;
import io.synapse.plugins.errors.PipelineNotFoundError;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.FieldShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A checked chain of actions run one after another, each action's params made from what came before.
 * Immutable; run it with {@link Pipelines} (or {@code PluginRunner.runPipeline} for a declared one).
 *
 * <p>Two forms, checked by the same rules ({@link PipelineChecks}) when built:
 *
 * <ul>
 *   <li><b>Typed</b>, in code: javac checks the chaining, each mapping turning the previous result (and the
 *       pipeline's initial params) into the next action's params record, and the pipeline's result is the
 *       last action's result type.
 *       <pre>{@code
 * Pipeline<FetchParams, TrainResult> flow = Pipeline.start(FetchAction_Descriptor.INSTANCE)
 *     .then(ConvertAction_Descriptor.INSTANCE, (fetched, initial) -> new ConvertParams(fetched.datasetPath(), "yolo"))
 *     .then(TrainAction_Descriptor.INSTANCE, (converted, initial) -> new TrainParams(converted.datasetPath(), 3))
 *     .build("train_flow");
 * }</pre>
 *   <li><b>Merged</b>, as the seeds chain actions and as {@code @PluginPipeline} declares them
 *       ({@link #declared}, {@link #merged}): the initial params are a map; each action's result, in wire
 *       form, is merged into the accumulated params, and each action takes from them the keys that are its
 *       params (by wire or Java name).
 * </ul>
 *
 * @param <I> the initial params: the first action's params record (typed), or a map (merged)
 * @param <R> the result: the last action's result type ({@code Object} for merged pipelines)
 */
public final class Pipeline<I, R> {
  /** How the params of each action are made. */
  public enum Kind {
    /** By the typed builder's mappings. */
    TYPED,
    /** From the accumulated params. */
    MERGED;

    /** The stored form ({@code typed}, {@code declared}). */
    public String value() {
      return this == TYPED ? "typed" : "declared";
    }
  }

  /** One action of the pipeline and, for typed pipelines, how its params are made. */
  record Stage(ActionDescriptor<?, ?> action, BiFunction<Object, Object, ? extends Record> mapping) {}

  private final String name;
  private final Kind kind;
  private final List<Stage> stages;
  private final PluginDiscovery plugin;
  private final List<FieldShape> initialParams;

  private Pipeline(String name, Kind kind, List<Stage> stages, PluginDiscovery plugin) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = kind;
    this.stages = List.copyOf(stages);
    this.plugin = plugin;
    List<PipelineChecks.Stage> checked = checkStages();
    this.initialParams = kind == Kind.MERGED ? PipelineChecks.initialParams(checked) : List.of();
    List<PipelineDefinitionError.Problem> problems = PipelineChecks.check(checked, null);
    if (!problems.isEmpty()) {
      throw new PipelineDefinitionError(name, problems);
    }
  }

  /** Starts a typed pipeline with {@code first}, whose params are the pipeline's initial params. */
  public static <P extends Record, R> Chain<P, R> start(ActionDescriptor<P, R> first) {
    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage(Objects.requireNonNull(first, "first"), null));
    return new Chain<>(stages);
  }

  /**
   * A merged pipeline of {@code actions}, in order, as the seeds chain them.
   *
   * @throws PipelineDefinitionError when the actions break the pipeline rules
   */
  public static Pipeline<Map<String, Object>, Object> merged(String name, List<? extends ActionDescriptor<?, ?>> actions) {
    return merged(name, actions, null);
  }

  /**
   * The pipeline {@code name} that {@code plugin} declares with {@code @PluginPipeline}, checked again here by
   * the rules the processor checked it by (against the actions the plugin has now).
   *
   * @throws PipelineNotFoundError when the plugin declares no such pipeline
   * @throws PipelineDefinitionError when the actions break the pipeline rules
   */
  public static Pipeline<Map<String, Object>, Object> declared(PluginDiscovery plugin, String name) {
    PipelineConfig config = plugin.config().pipeline(name)
        .orElseThrow(() -> new PipelineNotFoundError(plugin.config().code(), name, plugin.config().pipelineNames()));
    List<ActionDescriptor<?, ?>> actions = new ArrayList<>();
    for (String action : config.actions()) {
      actions.add(plugin.descriptor(action));
    }
    return merged(name, actions, plugin);
  }

  private static Pipeline<Map<String, Object>, Object> merged(String name, List<? extends ActionDescriptor<?, ?>> actions,
      PluginDiscovery plugin) {
    if (actions.isEmpty()) {
      throw new PipelineDefinitionError(name, List.of(new PipelineDefinitionError.Problem("PipelineEmpty", -1, "a pipeline needs an action")));
    }
    List<Stage> stages = new ArrayList<>();
    for (ActionDescriptor<?, ?> action : actions) {
      stages.add(new Stage(Objects.requireNonNull(action, "action"), null));
    }
    return new Pipeline<>(name, Kind.MERGED, stages, plugin);
  }

  /** The pipeline's name. */
  public String name() {
    return name;
  }

  /** How the actions' params are made. */
  public Kind kind() {
    return kind;
  }

  /** The code of the plugin of the first action. */
  public String pluginCode() {
    return stages.get(0).action().pluginCode();
  }

  /** The action names, in order. */
  public List<String> actionNames() {
    return stages.stream().map(stage -> stage.action().config().name()).toList();
  }

  /** The number of actions. */
  public int size() {
    return stages.size();
  }

  /**
   * The params a merged pipeline needs from its caller (its initial-params schema): every param of an action
   * that no earlier result gives, required when an action needs it. Empty for typed pipelines.
   */
  public List<FieldShape> initialParams() {
    return initialParams;
  }

  /** The plugin it was declared in, when it came from {@link #declared} (null otherwise). */
  PluginDiscovery plugin() {
    return plugin;
  }

  List<Stage> stages() {
    return stages;
  }

  private List<PipelineChecks.Stage> checkStages() {
    List<PipelineChecks.Stage> checked = new ArrayList<>();
    for (Stage stage : stages) {
      checked.add(new PipelineChecks.Stage(stage.action().config().name(), stage.action().shape(), kind == Kind.MERGED));
    }
    return checked;
  }

  @Override
  public String toString() {
    return "Pipeline[" + name + ": " + String.join(" | ", actionNames()) + "]";
  }

  /**
   * A typed pipeline being built: each {@link #then} adds an action whose params a mapping makes, and javac
   * checks that the mapping takes the previous action's result type and gives the next action's params.
   *
   * @param <I> the pipeline's initial params (the first action's params record)
   * @param <R> the result type of the last action added
   */
  public static final class Chain<I extends Record, R> {
    private final List<Stage> stages;

    private Chain(List<Stage> stages) {
      this.stages = stages;
    }

    /**
     * Adds {@code next}, whose params {@code params} makes from the previous action's result and the
     * pipeline's initial params.
     */
    @SuppressWarnings("unchecked")
    public <P extends Record, N> Chain<I, N> then(ActionDescriptor<P, N> next, BiFunction<? super R, ? super I, ? extends P> params) {
      Objects.requireNonNull(next, "next");
      Objects.requireNonNull(params, "params");
      List<Stage> more = new ArrayList<>(stages);
      more.add(new Stage(next, (previous, initial) -> params.apply((R) previous, (I) initial)));
      return new Chain<>(more);
    }

    /**
     * The pipeline, checked.
     *
     * @throws PipelineDefinitionError when two adjacent actions' semantic types are incompatible
     */
    public Pipeline<I, R> build(String name) {
      return new Pipeline<>(name, Kind.TYPED, stages, null);
    }
  }
}
