package io.synapse.examples.kits;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.kits.client.ExportRow;
import io.synapse.plugins.kits.export.DefaultExportAction;
import io.synapse.plugins.kits.export.ExportContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exports annotations with the project's class list beside each item's data. */
@PluginAction(name = "export", title = "Export annotations", method = RunMethod.TASK, category = PluginCategory.EXPORT)
public final class Export extends DefaultExportAction {
  @Override
  protected ExportRow convertData(ExportRow item, ExportContext context) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", item.id());
    data.put("classes", context.configuration().getOrDefault("classes", java.util.List.of()));
    data.put("annotation", item.data());
    return new ExportRow(item.id(), data, item.files());
  }
}
