package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.kits.upload.DefaultUploadAction;
import io.synapse.plugins.kits.upload.UploadContext;
import io.synapse.plugins.steps.StepRegistry;

/** The upload kit as is. */
@PluginAction(name = "upload", method = ExecutionMode.LOCAL)
public final class Upload extends DefaultUploadAction {
  @Override
  protected void registerSteps(StepRegistry<UploadContext> steps) {
    super.registerSteps(steps);
    Faults.inject(steps, ctx().env());
  }
}
