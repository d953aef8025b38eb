package com.example.imagetools;

import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Writes {@link TrainParams} as an ordered JSON-like map. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.TrainParams"
)
public final class TrainParams_Writer implements RecordWriter<TrainParams> {
  public static final TrainParams_Writer INSTANCE = new TrainParams_Writer();

  private TrainParams_Writer() {
  }

  @Override
  public Map<String, Object> write(TrainParams value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "layers", value.layers(), Writers.list(Layer_Writer.INSTANCE));
    Writers.put(out, "optimizer", value.optimizer(), TrainParams_Optimizer_Writer.INSTANCE);
    Writers.put(out, "weights", value.weights(), Writers.map(Writers.list(Writers.SAME)));
    Writers.put(out, "heads", value.heads(), Writers.list(Layer_Writer.INSTANCE));
    return out;
  }
}
