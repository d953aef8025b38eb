package io.synapse.benchmarks.plugin;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A pipeline stage with measurable work: SHA-256 over a 64 KiB buffer {@code rounds} times (0: no work). */
@PluginAction(name = "stage", title = "Benchmark stage")
public final class StageAction extends BaseAction<StageParams, StageResult> {
  private static final byte[] BUFFER = new byte[64 * 1024];

  @Override
  public StageResult execute() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] hash = params().inputPath().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < params().rounds(); i++) {
      digest.update(BUFFER);
      digest.update(hash);
      hash = digest.digest();
    }
    setProgress(1, 1);
    return new StageResult(params().inputPath(), HexFormat.of().formatHex(hash, 0, 8));
  }
}
