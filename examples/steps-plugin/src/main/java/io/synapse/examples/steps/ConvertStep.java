package io.synapse.examples.steps;

import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes one output file per input file, reporting progress per file. */
final class ConvertStep extends FileStep {

  @Override
  public String name() {
    return ExportAction.CONVERT;
  }

  /** Converting is most of the work. */
  @Override
  public double progressWeight() {
    return 6;
  }

  @Override
  public StepResult execute(ExportContext context) throws IOException {
    List<Path> inputs = context.inputs();
    ExportFormat format = context.params().format();
    context.setProgress(0, inputs.size());
    long bytes = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Path input = inputs.get(i);
      Converter.Table table = Converter.read(input);
      byte[] content = Converter.write(table, format);
      Path output = context.params().outputDir().resolve(Converter.outputName(input, format));
      context.createFile(name(), output, content);
      context.exported(new ExportedFile(output, content.length, Converter.sha256(content)));
      bytes += content.length;
      context.log("file_converted", Map.of("input", input.getFileName().toString(),
          "output", output.getFileName().toString(), "rows", table.rows().size(), "bytes", content.length));
      context.setProgress(i + 1, inputs.size());
    }
    context.setMetrics(Map.of("files", inputs.size(), "bytes", bytes));
    return StepResult.ok(Map.of("files", inputs.size(), "bytes", bytes));
  }
}
