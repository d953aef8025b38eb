package com.example.flow;

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
 * Binds {@link ConvertAction.Params} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.ConvertAction.Params"
)
public final class ConvertAction_Params_Binder implements RecordBinder<ConvertAction.Params>, RecordWriter<ConvertAction.Params> {
  public static final ConvertAction_Params_Binder INSTANCE = new ConvertAction_Params_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"dataset_path", "target_format"},
      new String[] {"datasetPath", "targetFormat"});

  private ConvertAction_Params_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of ConvertAction.Params";
  }

  @Override
  public ConvertAction.Params read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String datasetPath = Readers.required(fields, "dataset_path", path, violations, Readers.STRING);
    Checks.notBlank(datasetPath, path, "dataset_path", violations);
    String targetFormat = Readers.withDefault(fields, "target_format", "yolo", path, violations, Readers.STRING);
    if (violations.count() != before) {
      return null;
    }
    return new ConvertAction.Params(datasetPath, targetFormat);
  }

  @Override
  public Map<String, Object> write(ConvertAction.Params value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "dataset_path", value.datasetPath(), Writers.SAME);
    Writers.put(out, "target_format", value.targetFormat(), Writers.SAME);
    return out;
  }
}
