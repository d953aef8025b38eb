package com.example.imagetools;

import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Writes {@link ResizeResult} as an ordered JSON-like map. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ResizeResult"
)
public final class ResizeResult_Writer implements RecordWriter<ResizeResult> {
  public static final ResizeResult_Writer INSTANCE = new ResizeResult_Writer();

  private ResizeResult_Writer() {
  }

  @Override
  public Map<String, Object> write(ResizeResult value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "processed", value.processed(), Writers.SAME);
    Writers.put(out, "files", value.files(), Writers.list(Writers.SAME));
    Writers.put(out, "histogram", value.histogram(), Writers.map(Writers.SAME));
    Writers.put(out, "warning", value.warning(), Writers.optional(Writers.SAME));
    Writers.put(out, "used", value.used(), Writers.ENUM);
    return out;
  }
}
