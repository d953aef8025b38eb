package io.synapse.examples.steps;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import io.synapse.plugins.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Parameters of the export action.
 *
 * @param inputDir the directory whose {@code .csv} and {@code .txt} files are exported
 * @param outputDir where the exported files, the manifest and its signature go; created if missing
 * @param format the format of the exported files
 * @param apiToken the key the manifest is signed with
 */
@Params
public record ExportParams(
    @NotNull Path inputDir,
    @NotNull Path outputDir,
    @Default("JSONL") ExportFormat format,
    @Secret @NotBlank String apiToken) {

  @Override
  public String toString() {
    return "ExportParams[inputDir=" + inputDir + ", outputDir=" + outputDir + ", format=" + format + ", apiToken=***]";
  }
}
