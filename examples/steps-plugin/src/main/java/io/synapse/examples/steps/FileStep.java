package io.synapse.examples.steps;

import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.io.IOException;

/**
 * A step whose effects are the files and directories it creates through its {@link ExportContext};
 * its rollback deletes exactly those, whether the step finished, failed half way, or a later step failed.
 */
abstract class FileStep implements Step<ExportContext> {

  @Override
  public final void rollback(ExportContext context, StepResult result) throws IOException {
    context.deleteCreatedBy(name());
  }
}
