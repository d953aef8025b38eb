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
 * Binds {@link FetchAction.Fetched} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.FetchAction.Fetched"
)
public final class FetchAction_Fetched_Binder implements RecordBinder<FetchAction.Fetched>, RecordWriter<FetchAction.Fetched> {
  public static final FetchAction_Fetched_Binder INSTANCE = new FetchAction_Fetched_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"dataset_path", "rows"},
      new String[] {"datasetPath", "rows"});

  private FetchAction_Fetched_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of FetchAction.Fetched";
  }

  @Override
  public FetchAction.Fetched read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String datasetPath = Readers.field(fields, "dataset_path", path, violations, Readers.STRING);
    Integer rows = Readers.required(fields, "rows", path, violations, Readers.INT);
    if (violations.count() != before) {
      return null;
    }
    return new FetchAction.Fetched(datasetPath, rows);
  }

  @Override
  public Map<String, Object> write(FetchAction.Fetched value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "dataset_path", value.datasetPath(), Writers.SAME);
    Writers.put(out, "rows", value.rows(), Writers.SAME);
    return out;
  }
}
