package io.synapse.plugins.kits.inference;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitAction;
import io.synapse.plugins.kits.ModelDownloads;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.internal.KitPaths;
import io.synapse.plugins.kits.internal.ParamChecks;
import io.synapse.plugins.kits.results.InferenceResult;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import io.synapse.plugins.steps.Steps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The inference kit. Steps (and progress categories): {@code model_load} (the params' model,
 * downloaded and extracted once per machine, loaded by {@link #load} once per JVM and kept in a cache
 * of {@link #maxLoadedModels()} models), {@code inference} ({@link #infer} on the inputs in batches of
 * {@link #batchSize()}) and {@code postprocess} ({@link #postprocess}, then the predictions written to
 * the params' output path when given; removed again if a later step fails).
 *
 * <p>Ray Serve deployments ({@code BaseServeDeployment} of the Python SDK) are not offered: Ray Serve
 * has no maintained Java API. Run inference as a TASK action on a warm pool instead.
 *
 * @param <P> the params record, implementing {@link InferenceRequest}
 * @param <M> the loaded model
 */
public abstract class BaseInferenceAction<P extends Record & InferenceRequest, M> extends KitAction<P, InferenceContext, InferenceResult> {

  /** For subclasses. */
  protected BaseInferenceAction() {}

  /** Loads the model extracted at {@code model.path()}. */
  protected abstract M load(ModelDownloads.LocalModel model) throws Exception;

  /** Runs {@code model} on a batch of inputs; one prediction per input, in order. */
  protected abstract List<Map<String, Object>> infer(M model, List<Map<String, Object>> inputs) throws Exception;

  /** Post-processes all predictions; returns them unchanged by default. */
  protected List<Map<String, Object>> postprocess(List<Map<String, Object>> predictions) throws Exception {
    return predictions;
  }

  /** How many inputs {@link #infer} gets at once (32 by default). */
  protected int batchSize() {
    return 32;
  }

  /** How many loaded models this JVM keeps (2 by default). */
  protected int maxLoadedModels() {
    return 2;
  }

  @Override
  protected void registerSteps(StepRegistry<InferenceContext> steps) {
    steps.register(Steps.logged(new ModelLoad())).register(Steps.logged(new Inference())).register(Steps.logged(new Postprocess()));
  }

  @Override
  protected InferenceContext createContext(RuntimeContext runtime) {
    ParamChecks.of(runtime.actionName())
        .require(params().model() != null && params().model() > 0, "model", "must be a positive model id", "Required")
        .require(params().inputs() != null && !params().inputs().isEmpty(), "inputs", "must list at least one input", "NotEmpty")
        .throwIfAny();
    return new InferenceContext(runtime, client());
  }

  @Override
  protected InferenceResult result(InferenceContext context) {
    return new InferenceResult(List.copyOf(context.predictions), context.predictions.size(), context.outputPath);
  }

  private final class ModelLoad implements Step<InferenceContext> {
    @Override
    public String name() {
      return "model_load";
    }

    @Override
    public double progressWeight() {
      return 2;
    }

    @Override
    public StepResult execute(InferenceContext context) throws Exception {
      context.setProgress(0, 2);
      ModelDownloads.LocalModel model = ModelDownloads.fetch(context.client(), params().model(), KitPaths.cacheRoot(context.env()));
      context.model = model;
      context.setProgress(1, 2);
      String key = BaseInferenceAction.this.getClass().getName() + "|" + context.client().describe() + "|" + model.model().id();
      context.loaded = LoadedModels.get(key, maxLoadedModels(), () -> load(model));
      context.setProgress(2, 2);
      return StepResult.ok(Map.of("model", model.model().id()));
    }
  }

  private final class Inference implements Step<InferenceContext> {
    @Override
    public String name() {
      return "inference";
    }

    @Override
    public double progressWeight() {
      return 6;
    }

    @Override
    @SuppressWarnings("unchecked")
    public StepResult execute(InferenceContext context) throws Exception {
      List<Map<String, Object>> inputs = params().inputs();
      int batch = Math.max(1, batchSize());
      for (int start = 0; start < inputs.size(); start += batch) {
        List<Map<String, Object>> slice = inputs.subList(start, Math.min(inputs.size(), start + batch));
        List<Map<String, Object>> out = infer((M) context.loaded, slice);
        if (out == null || out.size() != slice.size()) {
          throw new IllegalStateException("infer returned " + (out == null ? "nothing" : out.size() + " predictions")
              + " for " + slice.size() + " inputs");
        }
        context.predictions.addAll(out);
        context.setProgress(Math.min(inputs.size(), start + batch), inputs.size());
      }
      return StepResult.ok(Map.of("processed", context.predictions.size()));
    }

    @Override
    public void rollback(InferenceContext context, StepResult result) {
      context.predictions.clear();
    }
  }

  private final class Postprocess implements Step<InferenceContext> {
    @Override
    public String name() {
      return "postprocess";
    }

    @Override
    public StepResult execute(InferenceContext context) throws Exception {
      List<Map<String, Object>> processed = postprocess(List.copyOf(context.predictions));
      context.predictions.clear();
      context.predictions.addAll(processed);
      String output = params().outputPath();
      if (output != null && !output.isBlank()) {
        Path file = Path.of(output);
        if (Files.exists(file)) {
          throw new IllegalArgumentException("output path " + output + " exists already");
        }
        KitJson.writeAtomically(file, Map.of("predictions", processed));
        context.outputPath = file.toString();
        return StepResult.ok(Map.of("output_path", output), Map.of("output_path", output));
      }
      return StepResult.ok();
    }

    @Override
    public void rollback(InferenceContext context, StepResult result) throws Exception {
      Object output = result.rollbackData().get("output_path");
      if (output != null) {
        Files.deleteIfExists(Path.of(String.valueOf(output)));
      }
      context.outputPath = null;
    }
  }
}
