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
 * Binds {@link FlowParams} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.FlowParams"
)
public final class FlowParams_Binder implements RecordBinder<FlowParams>, RecordWriter<FlowParams> {
  public static final FlowParams_Binder INSTANCE = new FlowParams_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"source_dir", "limit"},
      new String[] {"sourceDir", "limit"});

  private FlowParams_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of FlowParams";
  }

  @Override
  public FlowParams read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String sourceDir = Readers.field(fields, "source_dir", path, violations, Readers.STRING);
    Integer limit = Readers.required(fields, "limit", path, violations, Readers.INT);
    if (violations.count() != before) {
      return null;
    }
    return new FlowParams(sourceDir, limit);
  }

  @Override
  public Map<String, Object> write(FlowParams value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "source_dir", value.sourceDir(), Writers.SAME);
    Writers.put(out, "limit", value.limit(), Writers.SAME);
    return out;
  }
}
