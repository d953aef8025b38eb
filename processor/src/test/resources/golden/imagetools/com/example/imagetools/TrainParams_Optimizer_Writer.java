package com.example.imagetools;

import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Writes {@link TrainParams.Optimizer} as an ordered JSON-like map. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.TrainParams.Optimizer"
)
public final class TrainParams_Optimizer_Writer implements RecordWriter<TrainParams.Optimizer> {
  public static final TrainParams_Optimizer_Writer INSTANCE = new TrainParams_Optimizer_Writer();

  private TrainParams_Optimizer_Writer() {
  }

  @Override
  public Map<String, Object> write(TrainParams.Optimizer value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "learningRate", value.learningRate(), Writers.SAME);
    Writers.put(out, "momentum", value.momentum(), Writers.SAME);
    return out;
  }
}
