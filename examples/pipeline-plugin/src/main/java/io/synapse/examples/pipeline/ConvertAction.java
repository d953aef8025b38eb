package io.synapse.examples.pipeline;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.types.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Turns {@code x,y,label} CSV rows into a YOLO-style dataset: one label file per sample and a dataset.yaml. */
@PluginAction(name = "convert", title = "Convert to YOLO", method = RunMethod.TASK, inputType = DataType.Names.DATASET,
    outputType = DataType.Names.YOLO_DATASET)
public final class ConvertAction extends BaseAction<ConvertParams, Converted> {
  @Override
  public Converted execute() throws IOException, InterruptedException {
    DemoSupport.count(ctx(), "convert");
    DemoSupport.holdIfAsked(ctx(), "convert");
    if (!params().targetFormat().equals("yolo")) {
      throw new IllegalArgumentException("only the yolo format is written, not " + params().targetFormat());
    }
    Path target = DemoSupport.folder(ctx(), "datasets").resolve("yolo");
    Path labels = Files.createDirectories(target.resolve("labels"));
    List<Path> files;
    try (Stream<Path> listed = Files.list(Path.of(params().datasetDir()))) {
      files = listed.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    TreeSet<String> classes = new TreeSet<>();
    int samples = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",");
        classes.add(cells[2].strip());
        Files.writeString(labels.resolve(String.format(Locale.ROOT, "%05d.txt", samples)),
            cells[2].strip() + " " + cells[0].strip() + " " + cells[1].strip() + "\n", StandardCharsets.UTF_8);
        samples++;
      }
      setProgress(samples, Math.max(samples, 1));
    }
    Files.writeString(target.resolve("dataset.yaml"), "path: .\nlabels: labels\nnames: [" + String.join(", ", classes) + "]\n",
        StandardCharsets.UTF_8);
    return new Converted(target.toString(), "yolo", samples);
  }
}
