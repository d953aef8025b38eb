package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.kits.results.TrainResult;
import io.synapse.plugins.kits.train.BaseTrainAction;
import io.synapse.plugins.kits.train.TrainContext;
import io.synapse.plugins.kits.train.TrainInput;
import io.synapse.plugins.steps.StepRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/** Trains a fake model: its weights list the label files it saw; its score is the hyperparameter {@code lr} times 10. */
@PluginAction(name = "train", method = RunMethod.TASK)
public final class Train extends BaseTrainAction<TrainParams, TrainResult> {
  @Override
  protected String targetFormat() {
    return ctx().env().get("KITS_TEST_FORMAT").orElse("yolo");
  }

  @Override
  protected TrainResult train(TrainInput input) throws Exception {
    StringBuilder seen = new StringBuilder();
    if (input.dataPath() != null) {
      seen.append("data=").append(input.dataPath().getFileName()).append('\n');
      try (var files = Files.walk(input.datasetDir())) {
        files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".json")).sorted()
            .forEach(f -> seen.append(input.datasetDir().relativize(f)).append('\n'));
      }
    }
    if (input.checkpoint() != null) {
      seen.append("checkpoint=").append(Files.readString(input.checkpoint().path().resolve("weights.txt")).lines().findFirst().orElse(""));
    }
    for (int epoch = 1; epoch <= params().epochs(); epoch++) {
      input.context().setProgress(epoch, params().epochs());
      input.context().setMetrics(Map.of("epoch", epoch, "loss", 1.0 / epoch));
    }
    Path weights = input.workDir().resolve("weights");
    Files.createDirectories(weights);
    Files.writeString(weights.resolve("weights.txt"), seen.toString());
    double lr = ((Number) input.hyperparameters().getOrDefault("lr", 0.1)).doubleValue();
    if (lr < 0) {
      throw new IllegalArgumentException("negative learning rate");
    }
    return new TrainResult(weights.toString(), params().epochs(), null, Map.of("loss", 1.0 / params().epochs()), Map.of("score", lr * 10));
  }

  @Override
  protected OptionalDouble trialScore(TrainResult result) {
    return OptionalDouble.of(result.valMetrics().get("score"));
  }

  @Override
  protected void registerSteps(StepRegistry<TrainContext> steps) {
    super.registerSteps(steps);
    Faults.inject(steps, ctx().env());
  }
}
