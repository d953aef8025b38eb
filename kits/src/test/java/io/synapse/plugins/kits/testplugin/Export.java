package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.kits.client.ExportRow;
import io.synapse.plugins.kits.export.DefaultExportAction;
import io.synapse.plugins.kits.export.ExportContext;
import io.synapse.plugins.steps.StepRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exports each item's data with the project's title class count added. */
@PluginAction(name = "export", method = RunMethod.TASK)
public final class Export extends DefaultExportAction {
  @Override
  protected ExportRow convertData(ExportRow item, ExportContext context) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("item", item.id());
    data.put("annotation", item.data());
    data.put("classes", context.configuration().getOrDefault("classes", java.util.List.of()));
    return new ExportRow(item.id(), data, item.files());
  }

  @Override
  protected void registerSteps(StepRegistry<ExportContext> steps) {
    super.registerSteps(steps);
    Faults.inject(steps, ctx().env());
  }
}
