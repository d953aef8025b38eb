package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.List;
import java.util.Map;

/** A pre-processor: one detection named after the file, or none for files whose name starts with {@code empty}. */
@PluginAction(name = "inference", method = RunMethod.TASK)
public final class PreProcessor extends BaseAction<PreProcessorParams, List<Object>> {
  @Override
  public List<Object> execute() {
    String name = params().name() == null ? "unknown" : params().name();
    if (name.startsWith("empty")) {
      return List.of();
    }
    return List.of(Map.of("label", name, "model", params().model()));
  }
}
