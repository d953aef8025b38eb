package io.synapse.plugins.action;

import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.RecordBinder;
import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.ValuePath;
import io.synapse.plugins.spi.Violations;
import java.util.List;
import java.util.Map;

/**
 * Binds {@link NoParams} (any key in the input is an unknown field) and writes it (an empty map). Written
 * by hand in the shape the processor generates, and marked as generated code since it is used as such
 * (the processor reuses it instead of generating one; the boundary rules treat it as generated).
 */
@SynapseGenerated(from = "io.synapse.plugins.action.NoParams")
public final class NoParams_Binder implements RecordBinder<NoParams>, RecordWriter<NoParams> {

  /** The one instance. */
  public static final NoParams_Binder INSTANCE = new NoParams_Binder();

  private NoParams_Binder() {}

  @Override
  public List<String> fieldNames() {
    return List.of();
  }

  @Override
  public String subject() {
    return "params of NoParams";
  }

  @Override
  public NoParams read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Readers.object(value, path, List.of(), violations);
    return violations.count() == before ? NoParams.INSTANCE : null;
  }

  @Override
  public Map<String, Object> write(NoParams value) {
    return value == null ? null : Map.of();
  }
}
