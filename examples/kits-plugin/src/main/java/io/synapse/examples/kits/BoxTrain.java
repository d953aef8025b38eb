package io.synapse.examples.kits;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.kits.results.TrainResult;
import io.synapse.plugins.kits.train.BaseTrainAction;
import io.synapse.plugins.kits.train.TrainInput;
import io.synapse.plugins.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Learns the mean box size of each class from the YOLO detect labels of the dataset: a tiny but real
 * model ({@code model.json}) that the kit uploads. With several hyperparameter sets, the trials run on
 * the TASK pool named by {@code KITS_DEMO_TRIAL_RAY_ADDRESS} when set (its dashboard: {@code KITS_DEMO_RAY_DASHBOARD}).
 */
@PluginAction(name = "train", title = "Train box sizes", method = RunMethod.JOB, category = PluginCategory.NEURAL_NET,
    inputType = DataType.Names.YOLO_DATASET, outputType = DataType.Names.MODEL_WEIGHTS)
public final class BoxTrain extends BaseTrainAction<BoxTrainParams, TrainResult> {

  @Override
  protected String targetFormat() {
    return "yolo";
  }

  @Override
  protected TrainResult train(TrainInput input) throws Exception {
    if (input.dataPath() == null) {
      throw new IllegalArgumentException("the box-size model needs a dataset");
    }
    Path labels = input.dataPath().getParent().resolve("labels");
    double smoothing = ((Number) input.hyperparameters().getOrDefault("smoothing", 0.0)).doubleValue();
    Map<String, double[]> sums = new TreeMap<>();
    for (int epoch = 1; epoch <= params().epochs(); epoch++) {
      sums.clear();
      try (var files = Files.list(labels)) {
        for (Path label : files.sorted().toList()) {
          for (String line : Files.readAllLines(label)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 5) {
              double[] sum = sums.computeIfAbsent(parts[0], k -> new double[3]);
              sum[0] += Double.parseDouble(parts[3]);
              sum[1] += Double.parseDouble(parts[4]);
              sum[2]++;
            }
          }
        }
      }
      input.context().setProgress(epoch, params().epochs());
    }
    StringBuilder model = new StringBuilder("{");
    sums.forEach((cls, sum) -> model.append(model.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
        "\"%s\":[%.6f,%.6f]", cls, (sum[0] + smoothing) / (sum[2] + smoothing), (sum[1] + smoothing) / (sum[2] + smoothing))));
    model.append("}\n");
    Path weights = Files.createDirectories(input.workDir().resolve("weights"));
    Files.writeString(weights.resolve("model.json"), model);
    input.context().setMetrics(Map.of("classes", sums.size()));
    return new TrainResult(weights.toString(), params().epochs(), params().epochs(), Map.of("classes", (double) sums.size()),
        Map.of("score", 1.0 - smoothing));
  }

  @Override
  protected OptionalDouble trialScore(TrainResult result) {
    return OptionalDouble.of(result.valMetrics().get("score"));
  }

  @Override
  protected Executor trialExecutor() {
    return ctx().env().get("KITS_DEMO_TRIAL_RAY_ADDRESS").map(address -> TrialPools.pool(address, ctx().env().asMap())).orElse(null);
  }
}
