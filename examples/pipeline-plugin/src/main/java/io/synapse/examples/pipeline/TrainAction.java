package io.synapse.examples.pipeline;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.types.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Fits {@code y = weight * x + bias} to the samples by gradient descent and writes the weights. */
@PluginAction(name = "train", title = "Train a linear model", method = RunMethod.JOB, inputType = DataType.Names.YOLO_DATASET,
    outputType = DataType.Names.MODEL_WEIGHTS)
public final class TrainAction extends BaseAction<TrainParams, Trained> {
  @Override
  public Trained execute() throws IOException, InterruptedException {
    DemoSupport.count(ctx(), "train");
    DemoSupport.holdIfAsked(ctx(), "train");
    List<double[]> samples = new ArrayList<>();
    try (Stream<Path> labels = Files.list(Path.of(params().datasetDir()).resolve("labels"))) {
      for (Path label : labels.sorted().toList()) {
        String[] cells = Files.readString(label, StandardCharsets.UTF_8).strip().split(" ");
        samples.add(new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2])});
      }
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("the dataset " + params().datasetDir() + " has no sample");
    }
    double weight = 0;
    double bias = 0;
    double loss = 0;
    for (int epoch = 1; epoch <= params().epochs(); epoch++) {
      double gradWeight = 0;
      double gradBias = 0;
      loss = 0;
      for (double[] sample : samples) {
        double error = weight * sample[0] + bias - sample[1];
        gradWeight += error * sample[0];
        gradBias += error;
        loss += error * error;
      }
      weight -= params().learningRate() * gradWeight / samples.size();
      bias -= params().learningRate() * gradBias / samples.size();
      loss /= samples.size();
      setProgress(epoch, params().epochs());
      setMetrics(Map.of("epoch", epoch, "loss", loss), "train");
    }
    Path model = DemoSupport.folder(ctx(), "models").resolve("weights.json");
    Files.writeString(model, String.format(Locale.ROOT, "{\"weight\": %.12f, \"bias\": %.12f}%n", weight, bias), StandardCharsets.UTF_8);
    return new Trained(model.toString(), weight, bias, loss, params().epochs());
  }
}
