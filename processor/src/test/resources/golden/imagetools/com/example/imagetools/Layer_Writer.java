package com.example.imagetools;

import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Writes {@link Layer} as an ordered JSON-like map. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.Layer"
)
public final class Layer_Writer implements RecordWriter<Layer> {
  public static final Layer_Writer INSTANCE = new Layer_Writer();

  private Layer_Writer() {
  }

  @Override
  public Map<String, Object> write(Layer value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "name", value.name(), Writers.SAME);
    Writers.put(out, "size", value.size(), Writers.SAME);
    Writers.put(out, "dropout", value.dropout(), Writers.SAME);
    return out;
  }
}
