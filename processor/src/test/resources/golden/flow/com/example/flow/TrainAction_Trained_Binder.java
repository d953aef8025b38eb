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
 * Binds {@link TrainAction.Trained} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.TrainAction.Trained"
)
public final class TrainAction_Trained_Binder implements RecordBinder<TrainAction.Trained>, RecordWriter<TrainAction.Trained> {
  public static final TrainAction_Trained_Binder INSTANCE = new TrainAction_Trained_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"model_path", "accuracy"},
      new String[] {"modelPath", "accuracy"});

  private TrainAction_Trained_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of TrainAction.Trained";
  }

  @Override
  public TrainAction.Trained read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String modelPath = Readers.field(fields, "model_path", path, violations, Readers.STRING);
    Double accuracy = Readers.required(fields, "accuracy", path, violations, Readers.DOUBLE);
    if (violations.count() != before) {
      return null;
    }
    return new TrainAction.Trained(modelPath, accuracy);
  }

  @Override
  public Map<String, Object> write(TrainAction.Trained value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "model_path", value.modelPath(), Writers.SAME);
    Writers.put(out, "accuracy", value.accuracy(), Writers.SAME);
    return out;
  }
}
