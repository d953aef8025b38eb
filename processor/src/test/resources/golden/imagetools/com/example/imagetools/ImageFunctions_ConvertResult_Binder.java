package com.example.imagetools;

import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.RecordBinder;
import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.ValuePath;
import io.synapse.plugins.spi.Violations;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Binds {@link ImageFunctions.ConvertResult} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ImageFunctions.ConvertResult"
)
public final class ImageFunctions_ConvertResult_Binder implements RecordBinder<ImageFunctions.ConvertResult>, RecordWriter<ImageFunctions.ConvertResult> {
  public static final ImageFunctions_ConvertResult_Binder INSTANCE = new ImageFunctions_ConvertResult_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"output_path", "converted"},
      new String[] {"outputPath", "converted"});

  private ImageFunctions_ConvertResult_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of ImageFunctions.ConvertResult";
  }

  @Override
  public ImageFunctions.ConvertResult read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String outputPath = Readers.field(fields, "output_path", path, violations, Readers.STRING);
    Boolean converted = Readers.required(fields, "converted", path, violations, Readers.BOOLEAN);
    if (violations.count() != before) {
      return null;
    }
    return new ImageFunctions.ConvertResult(outputPath, converted);
  }

  @Override
  public Map<String, Object> write(ImageFunctions.ConvertResult value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "output_path", value.outputPath(), Writers.SAME);
    Writers.put(out, "converted", value.converted(), Writers.SAME);
    return out;
  }
}
