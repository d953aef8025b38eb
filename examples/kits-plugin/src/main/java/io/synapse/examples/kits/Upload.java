package io.synapse.examples.kits;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.kits.upload.DefaultUploadAction;
import java.util.Map;
import java.util.Set;

/**
 * Uploads PNG images (and optional JSON labels) as data units; fanned out over the TASK pool named by
 * {@code KITS_DEMO_SHARD_RAY_ADDRESS} when set (its dashboard: {@code KITS_DEMO_RAY_DASHBOARD}).
 */
@PluginAction(name = "upload", title = "Upload images", method = RunMethod.TASK, category = PluginCategory.UPLOAD)
public final class Upload extends DefaultUploadAction {
  @Override
  protected Map<String, Set<String>> allowedExtensions() {
    return Map.of("image_1", Set.of(".png"), "label_1", Set.of(".json"));
  }

  @Override
  protected io.synapse.plugins.executors.Executor shardExecutor() {
    return ctx().env().get("KITS_DEMO_SHARD_RAY_ADDRESS").map(address -> TrialPools.pool(address, ctx().env().asMap())).orElse(null);
  }

  @Override
  protected int shardCount() {
    return 2;
  }
}
