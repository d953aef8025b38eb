package com.acme.imagetools;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resizes every image to fit the target size, keeping the aspect ratio. */
@PluginAction(name = "resize")
public final class ResizeAction extends BaseAction<ResizeParams, Map<String, Object>> {

  @Override
  public Map<String, Object> execute() {
    ResizeParams.Size size = params().size() == null ? new ResizeParams.Size(256, 256) : params().size();
    List<Object> outputs = new ArrayList<>();
    int done = 0;
    for (ResizeParams.Image image : params().images()) {
      double scale = Math.min((double) size.width() / image.width(), (double) size.height() / image.height());
      Map<String, Object> output = new LinkedHashMap<>();
      output.put("name", params().prefix().orElse("") + image.name() + "." + params().format().name().toLowerCase());
      output.put("width", (int) Math.round(image.width() * scale));
      output.put("height", (int) Math.round(image.height() * scale));
      output.put("labels", params().labels());
      outputs.add(output);
      setProgress(++done, params().images().size());
    }
    return Map.of("outputs", outputs, "count", outputs.size());
  }
}
