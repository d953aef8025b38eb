package com.example.imagetools;

import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Writes {@link CleanupAction.Params} as an ordered JSON-like map. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.CleanupAction.Params"
)
public final class CleanupAction_Params_Writer implements RecordWriter<CleanupAction.Params> {
  public static final CleanupAction_Params_Writer INSTANCE = new CleanupAction_Params_Writer();

  private CleanupAction_Params_Writer() {
  }

  @Override
  public Map<String, Object> write(CleanupAction.Params value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "dryRun", value.dryRun(), Writers.SAME);
    return out;
  }
}
