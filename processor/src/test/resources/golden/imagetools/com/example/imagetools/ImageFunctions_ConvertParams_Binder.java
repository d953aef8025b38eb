package com.example.imagetools;

import io.synapse.plugins.spi.Checks;
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
 * Binds {@link ImageFunctions.ConvertParams} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ImageFunctions.ConvertParams"
)
public final class ImageFunctions_ConvertParams_Binder implements RecordBinder<ImageFunctions.ConvertParams>, RecordWriter<ImageFunctions.ConvertParams> {
  public static final ImageFunctions_ConvertParams_Binder INSTANCE = new ImageFunctions_ConvertParams_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"input_format", "output_format", "file_path"},
      new String[] {"inputFormat", "outputFormat", "filePath"});

  private ImageFunctions_ConvertParams_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of ImageFunctions.ConvertParams";
  }

  @Override
  public ImageFunctions.ConvertParams read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String inputFormat = Readers.required(fields, "input_format", path, violations, Readers.STRING);
    Checks.notBlank(inputFormat, path, "input_format", violations);
    String outputFormat = Readers.required(fields, "output_format", path, violations, Readers.STRING);
    Checks.notBlank(outputFormat, path, "output_format", violations);
    String filePath = Readers.required(fields, "file_path", path, violations, Readers.STRING);
    Checks.notBlank(filePath, path, "file_path", violations);
    if (violations.count() != before) {
      return null;
    }
    return new ImageFunctions.ConvertParams(inputFormat, outputFormat, filePath);
  }

  @Override
  public Map<String, Object> write(ImageFunctions.ConvertParams value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "input_format", value.inputFormat(), Writers.SAME);
    Writers.put(out, "output_format", value.outputFormat(), Writers.SAME);
    Writers.put(out, "file_path", value.filePath(), Writers.SAME);
    return out;
  }
}
