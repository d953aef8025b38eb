package io.synapse.examples.steps;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.Steps;

/**
 * Exports the {@code .csv} and {@code .txt} files of a directory in four steps: {@value #PREPARE}
 * (find the inputs, create the output directory if missing), {@value #CONVERT} (one output file per
 * input, with per-file progress), {@value #MANIFEST} (a JSON list of the files and their SHA-256) and
 * {@value #SIGN} (the manifest's HMAC-SHA256 made with the API token). When a step fails, each step
 * that ran deletes what it created, so the output directory is left as it was: absent if it was
 * absent, and with its other files untouched.
 *
 * <p>Not final: like any step action, a subclass may add, replace or wrap steps in
 * {@link #registerSteps} (the tests inject faults that way).
 */
@PluginAction(
    name = "export",
    title = "Export Files",
    // Given here: the processor copies {@value} tags of the Javadoc's first sentence as written.
    description = "Exports the .csv and .txt files of a directory, with a signed manifest; rolls back on failure",
    method = RunMethod.JOB,
    category = PluginCategory.EXPORT)
public class ExportAction extends StepAction<ExportParams, ExportContext, ExportResult> {
  /** The step that finds the inputs and creates the output directory. */
  public static final String PREPARE = "prepare";
  /** The step that writes one output file per input. */
  public static final String CONVERT = "convert";
  /** The step that writes the manifest. */
  public static final String MANIFEST = "manifest";
  /** The step that signs the manifest. */
  public static final String SIGN = "sign";

  /** For the runtime. */
  public ExportAction() {}

  @Override
  protected void registerSteps(StepRegistry<ExportContext> registry) {
    registry.register(Steps.logged(Steps.timed(new PrepareStep())))
        .register(Steps.logged(Steps.timed(new ConvertStep())))
        .register(Steps.logged(Steps.timed(new ManifestStep())))
        .register(Steps.logged(Steps.timed(new SignStep())));
  }

  @Override
  protected ExportContext createContext(RuntimeContext runtime) {
    return new ExportContext(runtime, params());
  }

  @Override
  protected ExportResult result(ExportContext context) {
    return new ExportResult(
        context.exported().stream().map(file -> file.path().getFileName().toString()).toList(),
        context.exported().stream().mapToLong(ExportedFile::bytes).sum(),
        context.manifest(),
        context.signature());
  }
}
