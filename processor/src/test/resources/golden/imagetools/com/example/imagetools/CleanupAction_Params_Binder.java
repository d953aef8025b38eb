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
 * Binds {@link CleanupAction.Params} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.CleanupAction.Params"
)
public final class CleanupAction_Params_Binder implements RecordBinder<CleanupAction.Params>, RecordWriter<CleanupAction.Params> {
  public static final CleanupAction_Params_Binder INSTANCE = new CleanupAction_Params_Binder();

  private static final List<String> FIELDS = Readers.fieldNames("dryRun");

  private CleanupAction_Params_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of CleanupAction.Params";
  }

  @Override
  public CleanupAction.Params read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    Boolean dryRun = Readers.withDefault(fields, "dryRun", "false", path, violations, Readers.BOOLEAN);
    if (violations.count() != before) {
      return null;
    }
    return new CleanupAction.Params(dryRun);
  }

  @Override
  public Map<String, Object> write(CleanupAction.Params value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "dryRun", value.dryRun(), Writers.SAME);
    return out;
  }
}
