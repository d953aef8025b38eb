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
 * Binds {@link TrainAction.Params} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.TrainAction.Params"
)
public final class TrainAction_Params_Binder implements RecordBinder<TrainAction.Params>, RecordWriter<TrainAction.Params> {
  public static final TrainAction_Params_Binder INSTANCE = new TrainAction_Params_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"dataset_path", "epochs", "api_key"},
      new String[] {"datasetPath", "epochs", "apiKey"});

  private TrainAction_Params_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of TrainAction.Params";
  }

  @Override
  public TrainAction.Params read(Object value, ValuePath path, Violations violations) {
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
    Integer epochs = Readers.withDefault(fields, "epochs", "2", path, violations, Readers.INT);
    Checks.min(epochs, 1L, path, "epochs", violations);
    String apiKey = Readers.required(fields, "api_key", path, violations, Readers.STRING);
    Checks.notBlank(apiKey, path, "api_key", violations);
    if (violations.count() != before) {
      return null;
    }
    return new TrainAction.Params(datasetPath, epochs, apiKey);
  }

  @Override
  public Map<String, Object> write(TrainAction.Params value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "dataset_path", value.datasetPath(), Writers.SAME);
    Writers.put(out, "epochs", value.epochs(), Writers.SAME);
    Writers.put(out, "api_key", value.apiKey(), Writers.SAME);
    return out;
  }
}
