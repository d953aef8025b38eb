package io.synapse.examples.kits;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.kits.upload.DefaultUploadAction;
import java.util.Map;
import java.util.Set;

/** Uploads PNG images (and optional JSON labels) as data units. */
@PluginAction(name = "upload", title = "Upload images", method = ExecutionMode.TASK, category = PluginCategory.UPLOAD)
public final class Upload extends DefaultUploadAction {
  @Override
  protected Map<String, Set<String>> allowedExtensions() {
    return Map.of("image_1", Set.of(".png"), "label_1", Set.of(".json"));
  }
}
