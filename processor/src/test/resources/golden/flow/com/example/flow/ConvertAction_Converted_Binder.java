package com.example.flow;

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
 * Binds {@link ConvertAction.Converted} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.ConvertAction.Converted"
)
public final class ConvertAction_Converted_Binder implements RecordBinder<ConvertAction.Converted>, RecordWriter<ConvertAction.Converted> {
  public static final ConvertAction_Converted_Binder INSTANCE = new ConvertAction_Converted_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"dataset_path", "format"},
      new String[] {"datasetPath", "format"});

  private ConvertAction_Converted_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of ConvertAction.Converted";
  }

  @Override
  public ConvertAction.Converted read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String datasetPath = Readers.field(fields, "dataset_path", path, violations, Readers.STRING);
    String format = Readers.field(fields, "format", path, violations, Readers.STRING);
    if (violations.count() != before) {
      return null;
    }
    return new ConvertAction.Converted(datasetPath, format);
  }

  @Override
  public Map<String, Object> write(ConvertAction.Converted value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "dataset_path", value.datasetPath(), Writers.SAME);
    Writers.put(out, "format", value.format(), Writers.SAME);
    return out;
  }
}
