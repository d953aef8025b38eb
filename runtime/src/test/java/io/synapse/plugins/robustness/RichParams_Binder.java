package io.synapse.plugins.robustness;

import io.synapse.plugins.spi.Checks;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.RecordBinder;
import io.synapse.plugins.spi.ValuePath;
import io.synapse.plugins.spi.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Written by hand exactly as the processor's BinderGenerator emits binders. */
public final class RichParams_Binder implements RecordBinder<RichParams> {
  public static final RichParams_Binder INSTANCE = new RichParams_Binder();

  private static final List<String> FIELDS =
      List.of("name", "batchSize", "learningRate", "mode", "layers", "labels", "tag", "owner", "verbose", "tags", "seed");
  private static final Pattern TAG_PATTERN = Pattern.compile("[a-z]{1,8}");

  private RichParams_Binder() {}

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of RichParams";
  }

  @Override
  public RichParams read(Object value, ValuePath path, Violations violations) {
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
    Integer batchSize = Readers.withDefault(fields, "batchSize", "32", path, violations, Readers.INT);
    Checks.min(batchSize, 1L, path, "batchSize", violations);
    Checks.max(batchSize, 1024L, path, "batchSize", violations);
    Optional<Double> learningRate = Readers.field(fields, "learningRate", path, violations, Readers.optional(Readers.DOUBLE));
    Checks.decimalMin(learningRate, "0", false, path, "learningRate", violations);
    Checks.decimalMax(learningRate, "1", true, path, "learningRate", violations);
    RichParams.Mode mode = Readers.required(fields, "mode", path, violations, Readers.enumOf(RichParams.Mode.values()));
    List<RichParams.Layer> layers = Readers.withDefault(fields, "layers", List.of(), path, violations, Readers.list(LayerBinder.INSTANCE));
    Checks.size(layers, 1, 4, path, "layers", violations);
    Map<String, Integer> labels = Readers.withDefault(fields, "labels", Map.of(), path, violations, Readers.map(Readers.INT));
    Checks.size(labels, 0, 3, path, "labels", violations);
    String tag = Readers.field(fields, "tag", path, violations, Readers.STRING);
    Checks.pattern(tag, TAG_PATTERN, path, "tag", violations);
    String owner = Readers.field(fields, "owner", path, violations, Readers.STRING);
    Checks.email(owner, null, path, "owner", violations);
    Boolean verbose = Readers.withDefault(fields, "verbose", "false", path, violations, Readers.BOOLEAN);
    Set<String> tags = Readers.withDefault(fields, "tags", List.of(), path, violations, Readers.set(Readers.STRING));
    Long seed = Readers.field(fields, "seed", path, violations, Readers.LONG);
    Checks.positiveOrZero(seed, path, "seed", violations);
    if (violations.count() != before) {
      return null;
    }
    return new RichParams(name, batchSize, learningRate, mode, layers, labels, tag, owner, verbose, tags, seed);
  }

  /** The nested record's binder. */
  public static final class LayerBinder implements RecordBinder<RichParams.Layer> {
    public static final LayerBinder INSTANCE = new LayerBinder();
    private static final List<String> FIELDS = List.of("size", "activation");

    @Override
    public List<String> fieldNames() {
      return FIELDS;
    }

    @Override
    public String subject() {
      return "params of RichParams.Layer";
    }

    @Override
    public RichParams.Layer read(Object value, ValuePath path, Violations violations) {
      if (value == null) {
        return null;
      }
      int before = violations.count();
      Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
      if (fields == null) {
        return null;
      }
      Integer size = Readers.required(fields, "size", path, violations, Readers.INT);
      Checks.positive(size, path, "size", violations);
      RichParams.Activation activation = Readers.withDefault(fields, "activation", "relu", path, violations,
          Readers.enumOf(RichParams.Activation.values()));
      if (violations.count() != before) {
        return null;
      }
      return new RichParams.Layer(size, activation);
    }
  }
}
