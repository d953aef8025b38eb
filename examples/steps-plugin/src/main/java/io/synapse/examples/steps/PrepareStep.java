package io.synapse.examples.steps;

import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the input files and creates the output directory (and its missing parents) if missing. */
final class PrepareStep extends FileStep {

  @Override
  public String name() {
    return ExportAction.PREPARE;
  }

  @Override
  public StepResult execute(ExportContext context) throws IOException {
    Path inputDir = context.params().inputDir();
    if (!Files.isDirectory(inputDir)) {
      throw new NoSuchFileException(inputDir.toString(), null, "the input directory does not exist");
    }
    List<Path> inputs = listInputs(inputDir);
    if (inputs.isEmpty()) {
      return StepResult.failure("No .csv or .txt files in " + inputDir);
    }
    Path outputDir = context.params().outputDir();
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new FileAlreadyExistsException(outputDir.toString(), null, "exists and is not a directory");
    }
    context.inputs(inputs);
    boolean created = context.createDirectories(name(), outputDir);
    return StepResult.ok(Map.of("inputs", inputs.size(), "created_output_dir", created));
  }

  private static List<Path> listInputs(Path inputDir) throws IOException {
    try (Stream<Path> files = Files.list(inputDir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> Converter.isInput(file.getFileName().toString()))
          .sorted(Comparator.comparing(file -> file.getFileName().toString()))
          .toList();
    }
  }
}
