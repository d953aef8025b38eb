package io.synapse.plugins.kits.train;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.kits.KitAction;
import io.synapse.plugins.kits.client.ModelCreate;
import io.synapse.plugins.kits.dataset.convert.DatasetFormat;
import io.synapse.plugins.kits.internal.ParamChecks;
import io.synapse.plugins.kits.results.TrainResult;
import io.synapse.plugins.kits.results.WeightsResult;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.Steps;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The train kit. Steps: {@code dataset} (download the params' ground-truth dataset into the DM v2
 * layout, cached), {@code convert} (to {@link #targetFormat()}, when set), {@code train} (your
 * {@link #train}, given the data path and the checkpoint the params' {@code checkpoint} model id
 * names, downloaded and extracted) and {@code model_upload} (the weights your result names, zipped and
 * registered as a model). Progress categories: {@code dataset}, {@code train}, {@code model_upload}.
 * When a step fails, what the earlier ones wrote is removed (the download it made, the conversion,
 * the run's work directory, the uploaded model).
 *
 * <p>With more than one hyperparameter set, each set is a trial: a run of this same action with that
 * set alone, on {@link #trialExecutor()} (for example a {@code RayActorExecutor}, so that trials run in
 * parallel on the TASK pool) or one after another in this JVM; each trial uploads its own model and the
 * action returns the result of the best trial by {@link #trialScore}.
 *
 * <pre>{@code
 * @PluginAction(name = "train", method = RunMethod.JOB, category = PluginCategory.NEURAL_NET)
 * public final class Train extends BaseTrainAction<MyTrainParams, TrainResult> {
 *   @Override protected String targetFormat() { return "yolo"; }
 *   @Override protected TrainResult train(TrainInput input) throws Exception { ... }
 * }
 * }</pre>
 *
 * @param <P> the params record, implementing {@link TrainParams}
 * @param <R> the result: the action returns it as {@link #train} made it
 */
public abstract class BaseTrainAction<P extends Record & TrainParams, R> extends KitAction<P, TrainContext, R> {

  /** For subclasses. */
  protected BaseTrainAction() {}

  /** Trains on {@code input}; the weights {@link #weightsPath} finds in the result are uploaded as the model. */
  protected abstract R train(TrainInput input) throws Exception;

  /** The dataset format to convert the download to ({@code yolo}, {@code coco}), or null to train on DM v2. */
  protected String targetFormat() {
    return null;
  }

  /**
   * The weights to upload as the model: a {@link TrainResult}'s or {@link WeightsResult}'s
   * {@code weightsPath}; null (nothing uploaded) for other results unless overridden.
   */
  protected Path weightsPath(R result) {
    if (result instanceof TrainResult train && train.weightsPath() != null) {
      return Path.of(train.weightsPath());
    }
    if (result instanceof WeightsResult weights && weights.weightsPath() != null) {
      return Path.of(weights.weightsPath());
    }
    return null;
  }

  /**
   * The model to register for {@code result}: named after the params' {@code name} (or
   * {@code train_<job id>}) with a unique suffix, with the plugin's code, the checkpoint as parent and
   * the hyperparameters as configuration.
   */
  protected ModelCreate model(R result) {
    String base = params().name() != null && !params().name().isBlank() ? params().name()
        : "train_" + (ctx().jobId() == null ? "local" : ctx().jobId());
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("hyperparameter", hyperparameters());
    return new ModelCreate(base + "_" + java.util.UUID.randomUUID().toString().substring(0, 8), ctx().pluginCode(), null,
        params().checkpoint(), params().description(), configuration);
  }

  /** Where trials run when there are several hyperparameter sets; null runs them one after another in this JVM. */
  protected Executor trialExecutor() {
    return null;
  }

  /** The score of a trial's result, higher is better; empty when it has none (the first trial wins then). */
  protected OptionalDouble trialScore(R result) {
    return OptionalDouble.empty();
  }

  /** This run's hyperparameter set: the first of the params' sets, or empty. */
  protected final Map<String, Object> hyperparameters() {
    return params().hyperparameters() == null || params().hyperparameters().isEmpty() ? Map.of() : params().hyperparameters().get(0);
  }

  @Override
  protected void registerSteps(StepRegistry<TrainContext> steps) {
    steps.register(Steps.logged(new TrainSteps.DatasetStep(this)))
        .register(Steps.logged(new TrainSteps.ConvertStep(this)))
        .register(Steps.logged(new TrainSteps.TrainStep<>(this)))
        .register(Steps.logged(new TrainSteps.ModelUploadStep<>(this)));
  }

  @Override
  protected TrainContext createContext(RuntimeContext runtime) {
    P p = params();
    String format = targetFormat();
    ParamChecks checks = ParamChecks.of(runtime.actionName());
    checks.require(p.dataset() == null || p.dataset() > 0, "dataset", "must be a positive dataset version id", "Positive")
        .require(p.checkpoint() == null || p.checkpoint() > 0, "checkpoint", "must be a positive model id", "Positive")
        .require(format == null || DatasetFormat.fromValue(format).isPresent(), "target_format",
            "the action's targetFormat() is not a known dataset format", "Format");
    if (p.splits() != null) {
      for (String split : p.splits().keySet()) {
        checks.require(java.util.Set.of("train", "valid", "test").contains(split), "splits." + split,
            "is not a split name; use train, valid or test", "Split");
      }
    }
    if (p.hyperparameters() != null) {
      for (int i = 0; i < p.hyperparameters().size(); i++) {
        checks.require(p.hyperparameters().get(i) != null, "hyperparameters[" + i + "]", "must be an object", "Type");
      }
    }
    checks.throwIfAny();
    return new TrainContext(runtime, client());
  }

  @Override
  @SuppressWarnings("unchecked")
  protected R result(TrainContext context) {
    return (R) context.result;
  }

  // For the steps, which live in their own class.
  R runTrain(TrainInput input) throws Exception {
    return train(input);
  }

  Path weightsOf(R result) {
    return weightsPath(result);
  }

  ModelCreate modelOf(R result) {
    return model(result);
  }

  Executor trials() {
    return trialExecutor();
  }

  OptionalDouble scoreOf(R result) {
    return trialScore(result);
  }

  String format() {
    return targetFormat();
  }
}
