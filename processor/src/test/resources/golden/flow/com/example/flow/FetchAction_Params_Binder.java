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
 * Binds {@link FetchAction.Params} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.FetchAction.Params"
)
public final class FetchAction_Params_Binder implements RecordBinder<FetchAction.Params>, RecordWriter<FetchAction.Params> {
  public static final FetchAction_Params_Binder INSTANCE = new FetchAction_Params_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"source_dir", "limit"},
      new String[] {"sourceDir", "limit"});

  private FetchAction_Params_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of FetchAction.Params";
  }

  @Override
  public FetchAction.Params read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String sourceDir = Readers.required(fields, "source_dir", path, violations, Readers.STRING);
    Checks.notBlank(sourceDir, path, "source_dir", violations);
    Integer limit = Readers.withDefault(fields, "limit", "10", path, violations, Readers.INT);
    Checks.min(limit, 1L, path, "limit", violations);
    if (violations.count() != before) {
      return null;
    }
    return new FetchAction.Params(sourceDir, limit);
  }

  @Override
  public Map<String, Object> write(FetchAction.Params value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "source_dir", value.sourceDir(), Writers.SAME);
    Writers.put(out, "limit", value.limit(), Writers.SAME);
    return out;
  }
}
