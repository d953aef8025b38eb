package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.kits.ModelDownloads;
import io.synapse.plugins.kits.inference.BaseInferenceAction;
import io.synapse.plugins.kits.inference.InferenceContext;
import io.synapse.plugins.steps.StepRegistry;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A model that prefixes each input's {@code value} with the first line of its {@code weights.txt}. */
@PluginAction(name = "infer", method = RunMethod.TASK)
public final class Infer extends BaseInferenceAction<InferParams, String> {
  /** How many times a model was loaded in this JVM. */
  public static final AtomicInteger LOADS = new AtomicInteger();

  @Override
  protected String load(ModelDownloads.LocalModel model) throws Exception {
    LOADS.incrementAndGet();
    return Files.readString(model.path().resolve("weights.txt")).lines().findFirst().orElse("");
  }

  @Override
  protected List<Map<String, Object>> infer(String model, List<Map<String, Object>> inputs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> input : inputs) {
      out.add(Map.of("prediction", model + ":" + input.get("value")));
    }
    return out;
  }

  @Override
  protected int batchSize() {
    return 2;
  }

  @Override
  protected void registerSteps(StepRegistry<InferenceContext> steps) {
    super.registerSteps(steps);
    Faults.inject(steps, ctx().env());
  }
}
