package com.example.imagetools;

import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Writes {@link ResizeParams} as an ordered JSON-like map. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ResizeParams"
)
public final class ResizeParams_Writer implements RecordWriter<ResizeParams> {
  public static final ResizeParams_Writer INSTANCE = new ResizeParams_Writer();

  private ResizeParams_Writer() {
  }

  @Override
  public Map<String, Object> write(ResizeParams value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "inputDir", value.inputDir(), Writers.SAME);
    Writers.put(out, "width", value.width(), Writers.SAME);
    Writers.put(out, "thumbnailSizes", value.thumbnailSizes(), Writers.list(Writers.SAME));
    Writers.put(out, "interpolation", value.interpolation(), Writers.ENUM);
    Writers.put(out, "outputPrefix", value.outputPrefix(), Writers.optional(Writers.SAME));
    Writers.put(out, "bucket", value.bucket(), Writers.SAME);
    Writers.put(out, "notifyEmail", value.notifyEmail(), Writers.SAME);
    Writers.put(out, "apiToken", value.apiToken(), Writers.SAME);
    Writers.put(out, "labels", value.labels(), Writers.map(Writers.SAME));
    Writers.put(out, "quality", value.quality(), Writers.SAME);
    Writers.put(out, "seed", value.seed(), Writers.SAME);
    Writers.put(out, "offset", value.offset(), Writers.SAME);
    Writers.put(out, "bias", value.bias(), Writers.SAME);
    Writers.put(out, "timeout", value.timeout(), Writers.TEXT);
    Writers.put(out, "notBefore", value.notBefore(), Writers.TEXT);
    Writers.put(out, "since", value.since(), Writers.TEXT);
    Writers.put(out, "callback", value.callback(), Writers.TEXT);
    Writers.put(out, "outputDir", value.outputDir(), Writers.TEXT);
    Writers.put(out, "tags", value.tags(), Writers.list(Writers.SAME));
    Writers.put(out, "maxBytes", value.maxBytes(), Writers.SAME);
    Writers.put(out, "extra", value.extra(), Writers.map(Writers.ANY));
    Writers.put(out, "maxImages", value.maxImages(), Writers.optional(Writers.SAME));
    Writers.put(out, "gamma", value.gamma(), Writers.SAME);
    Writers.put(out, "overwrite", value.overwrite(), Writers.SAME);
    return out;
  }
}
