package com.example.imagetools;

import io.synapse.plugins.spi.Checks;
import io.synapse.plugins.spi.Defaults;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.RecordBinder;
import io.synapse.plugins.spi.RecordWriter;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.ValuePath;
import io.synapse.plugins.spi.ValueReader;
import io.synapse.plugins.spi.Violations;
import io.synapse.plugins.spi.Writers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Binds {@link TrainParams} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.TrainParams"
)
public final class TrainParams_Binder implements RecordBinder<TrainParams>, RecordWriter<TrainParams> {
  public static final TrainParams_Binder INSTANCE = new TrainParams_Binder();

  private static final List<String> FIELDS = Readers.fieldNames("layers", "optimizer", "weights", "heads");

  private static final ValueReader<Map<String, List<Double>>> WEIGHTS_READER = Readers.map(Readers.list(Readers.DOUBLE));

  private static final Object HEADS_DEFAULT = Defaults.json("[{\"name\": \"head\", \"size\": 10}]");

  private TrainParams_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of TrainParams";
  }

  @Override
  public TrainParams read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    List<Layer> layers = Readers.required(fields, "layers", path, violations, Readers.list(Layer_Binder.INSTANCE));
    Checks.notEmpty(layers, path, "layers", violations);
    TrainParams.Optimizer optimizer = Readers.required(fields, "optimizer", path, violations, TrainParams_Optimizer_Binder.INSTANCE);
    Map<String, List<Double>> weights = Readers.withDefault(fields, "weights", Map.of(), path, violations, WEIGHTS_READER);
    List<Layer> heads = Readers.withDefault(fields, "heads", HEADS_DEFAULT, path, violations, Readers.list(Layer_Binder.INSTANCE));
    if (violations.count() != before) {
      return null;
    }
    return new TrainParams(layers, optimizer, weights, heads);
  }

  @Override
  public Map<String, Object> write(TrainParams value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "layers", value.layers(), Writers.list(Layer_Binder.INSTANCE));
    Writers.put(out, "optimizer", value.optimizer(), TrainParams_Optimizer_Binder.INSTANCE);
    Writers.put(out, "weights", value.weights(), Writers.map(Writers.list(Writers.SAME)));
    Writers.put(out, "heads", value.heads(), Writers.list(Layer_Binder.INSTANCE));
    return out;
  }
}
