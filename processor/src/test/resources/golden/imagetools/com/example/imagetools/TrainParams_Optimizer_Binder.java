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
 * Binds {@link TrainParams.Optimizer} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.TrainParams.Optimizer"
)
public final class TrainParams_Optimizer_Binder implements RecordBinder<TrainParams.Optimizer>, RecordWriter<TrainParams.Optimizer> {
  public static final TrainParams_Optimizer_Binder INSTANCE = new TrainParams_Optimizer_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"learning_rate", "momentum"},
      new String[] {"learningRate", "momentum"});

  private TrainParams_Optimizer_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of TrainParams.Optimizer";
  }

  @Override
  public TrainParams.Optimizer read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    Double learningRate = Readers.withDefault(fields, "learning_rate", "0.001", path, violations, Readers.DOUBLE);
    Double momentum = Readers.withDefault(fields, "momentum", "0.9", path, violations, Readers.DOUBLE);
    if (violations.count() != before) {
      return null;
    }
    return new TrainParams.Optimizer(learningRate, momentum);
  }

  @Override
  public Map<String, Object> write(TrainParams.Optimizer value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "learning_rate", value.learningRate(), Writers.SAME);
    Writers.put(out, "momentum", value.momentum(), Writers.SAME);
    return out;
  }
}
