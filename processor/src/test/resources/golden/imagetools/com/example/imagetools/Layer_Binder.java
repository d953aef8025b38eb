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
 * Binds {@link Layer} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.Layer"
)
public final class Layer_Binder implements RecordBinder<Layer>, RecordWriter<Layer> {
  public static final Layer_Binder INSTANCE = new Layer_Binder();

  private static final List<String> FIELDS = Readers.fieldNames("name", "size", "dropout");

  private Layer_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of Layer";
  }

  @Override
  public Layer read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String name = Readers.required(fields, "name", path, violations, Readers.STRING);
    Checks.notBlank(name, path, "name", violations);
    Integer size = Readers.required(fields, "size", path, violations, Readers.INT);
    Checks.min(size, 1L, path, "size", violations);
    Checks.max(size, 4096L, path, "size", violations);
    Double dropout = Readers.withDefault(fields, "dropout", "0.0", path, violations, Readers.DOUBLE);
    Checks.decimalMin(dropout, "0.0", 0.0, true, path, "dropout", violations);
    Checks.decimalMax(dropout, "1.0", 1.0, false, path, "dropout", violations);
    if (violations.count() != before) {
      return null;
    }
    return new Layer(name, size, dropout);
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
