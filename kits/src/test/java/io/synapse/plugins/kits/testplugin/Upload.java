package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.kits.upload.DefaultUploadAction;
import io.synapse.plugins.kits.upload.UploadContext;
import io.synapse.plugins.steps.StepRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upload kit as is; with {@code KITS_TEST_SHARDS=n} it fans out over n in-process shards (whose
 * runs get {@code KITS_TEST_SHARD_FAIL_AFTER} as their fault, and not the parent's).
 */
@PluginAction(name = "upload", method = RunMethod.TASK)
public final class Upload extends DefaultUploadAction {
  @Override
  protected void registerSteps(StepRegistry<UploadContext> steps) {
    super.registerSteps(steps);
    Faults.inject(steps, ctx().env());
  }

  @Override
  protected Executor shardExecutor() {
    if (ctx().env().get("KITS_TEST_SHARDS").isEmpty()) {
      return null;
    }
    Map<String, String> env = new LinkedHashMap<>(ctx().env().asMap());
    env.remove(Faults.VARIABLE);
    String shardFault = env.remove("KITS_TEST_SHARD_FAIL_AFTER");
    if (shardFault != null) {
      env.put(Faults.VARIABLE, shardFault);
    }
    return LocalExecutor.builder().env(env).sink(EventSink.discarding()).build();
  }

  @Override
  protected int shardCount() {
    return ctx().env().getInt("KITS_TEST_SHARDS", 1);
  }
}
