package com.example.imagetools;

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
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Binds {@link ResizeResult} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ResizeResult"
)
public final class ResizeResult_Binder implements RecordBinder<ResizeResult>, RecordWriter<ResizeResult> {
  public static final ResizeResult_Binder INSTANCE = new ResizeResult_Binder();

  private static final List<String> FIELDS = Readers.fieldNames("processed", "files", "histogram", "warning", "used");

  private static final ValueReader<List<String>> FILES_READER = Readers.list(Readers.STRING);

  private static final ValueReader<Map<String, Integer>> HISTOGRAM_READER = Readers.map(Readers.INT);

  private static final ValueReader<Optional<String>> WARNING_READER = Readers.optional(Readers.STRING);

  private static final ValueReader<Interpolation> USED_READER = Readers.enumOf(Interpolation.values(), "nearest", "bilinear", "bicubic", "lanczos-3");

  private ResizeResult_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of ResizeResult";
  }

  @Override
  public ResizeResult read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    Integer processed = Readers.required(fields, "processed", path, violations, Readers.INT);
    List<String> files = Readers.withDefault(fields, "files", List.of(), path, violations, FILES_READER);
    Map<String, Integer> histogram = Readers.withDefault(fields, "histogram", Map.of(), path, violations, HISTOGRAM_READER);
    Optional<String> warning = Readers.field(fields, "warning", path, violations, WARNING_READER);
    Interpolation used = Readers.field(fields, "used", path, violations, USED_READER);
    if (violations.count() != before) {
      return null;
    }
    return new ResizeResult(processed, files, histogram, warning, used);
  }

  @Override
  public Map<String, Object> write(ResizeResult value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "processed", value.processed(), Writers.SAME);
    Writers.put(out, "files", value.files(), Writers.list(Writers.SAME));
    Writers.put(out, "histogram", value.histogram(), Writers.map(Writers.SAME));
    Writers.put(out, "warning", value.warning(), Writers.optional(Writers.SAME));
    Writers.put(out, "used", value.used(), Writers.enumValues("nearest", "bilinear", "bicubic", "lanczos-3"));
    return out;
  }
}
