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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Generated;

/**
 * Binds {@link ResizeParams} from untyped input and writes it back. Generated from its record components.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ResizeParams"
)
public final class ResizeParams_Binder implements RecordBinder<ResizeParams>, RecordWriter<ResizeParams> {
  public static final ResizeParams_Binder INSTANCE = new ResizeParams_Binder();

  private static final List<String> FIELDS = Readers.fieldNames(
      new String[] {"input_dir", "width", "thumbnail_sizes", "interpolation", "output_prefix", "bucket", "notify_email", "api_token", "labels", "quality", "seed", "offset", "bias", "timeout", "not_before", "since", "callback", "output_dir", "tags", "max_bytes", "extra", "max_images", "gamma", "overwrite", "dpi"},
      new String[] {"inputDir", "width", "thumbnailSizes", "interpolation", "outputPrefix", "bucket", "notifyEmail", "apiToken", "labels", "quality", "seed", "offset", "bias", "timeout", "notBefore", "since", "callback", "outputDir", "tags", "maxBytes", "extra", "maxImages", "gamma", "overwrite", "dotsPerInch"});

  private static final ValueReader<List<Integer>> THUMBNAIL_SIZES_READER = Readers.list(Readers.INT);

  private static final Object THUMBNAIL_SIZES_DEFAULT = Defaults.json("[64, 128]");

  private static final ValueReader<Interpolation> INTERPOLATION_READER = Readers.enumOf(Interpolation.values(), "nearest", "bilinear", "bicubic", "lanczos-3");

  private static final ValueReader<Optional<String>> OUTPUT_PREFIX_READER = Readers.optional(Readers.STRING);

  private static final Pattern BUCKET_PATTERN = Pattern.compile("[a-z]+(-[a-z]+)*");

  private static final ValueReader<Map<String, String>> LABELS_READER = Readers.map(Readers.STRING);

  private static final ValueReader<Set<String>> TAGS_READER = Readers.set(Readers.STRING);

  private static final ValueReader<Map<String, Object>> EXTRA_READER = Readers.map(Readers.ANY);

  private static final Object EXTRA_DEFAULT = Defaults.json("{\"mode\": \"fast\", \"retries\": 2}");

  private static final ValueReader<Optional<Integer>> MAX_IMAGES_READER = Readers.optional(Readers.INT);

  private ResizeParams_Binder() {
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String subject() {
    return "params of ResizeParams";
  }

  @Override
  public ResizeParams read(Object value, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    int before = violations.count();
    Map<?, ?> fields = Readers.object(value, path, FIELDS, violations);
    if (fields == null) {
      return null;
    }
    String inputDir = Readers.required(fields, "input_dir", path, violations, Readers.STRING);
    Checks.notBlank(inputDir, path, "input_dir", violations);
    Integer width = Readers.withDefault(fields, "width", "512", path, violations, Readers.INT);
    Checks.min(width, 1L, path, "width", violations);
    Checks.max(width, 8192L, path, "width", violations);
    List<Integer> thumbnailSizes = Readers.withDefault(fields, "thumbnail_sizes", THUMBNAIL_SIZES_DEFAULT, path, violations, THUMBNAIL_SIZES_READER);
    Checks.size(thumbnailSizes, 1, 8, path, "thumbnail_sizes", violations);
    Interpolation interpolation = Readers.withDefault(fields, "interpolation", "bilinear", path, violations, INTERPOLATION_READER);
    Optional<String> outputPrefix = Readers.field(fields, "output_prefix", path, violations, OUTPUT_PREFIX_READER);
    String bucket = Readers.withDefault(fields, "bucket", "images", path, violations, Readers.STRING);
    Checks.pattern(bucket, BUCKET_PATTERN, path, "bucket", violations);
    String notifyEmail = Readers.field(fields, "notify_email", path, violations, Readers.STRING);
    Checks.email(notifyEmail, null, path, "notify_email", violations);
    String apiToken = Readers.required(fields, "api_token", path, violations, Readers.STRING);
    Checks.notEmpty(apiToken, path, "api_token", violations);
    Map<String, String> labels = Readers.withDefault(fields, "labels", Map.of(), path, violations, LABELS_READER);
    BigDecimal quality = Readers.withDefault(fields, "quality", "0.75", path, violations, Readers.BIG_DECIMAL);
    Checks.positive(quality, path, "quality", violations);
    Long seed = Readers.withDefault(fields, "seed", "42", path, violations, Readers.LONG);
    Checks.positiveOrZero(seed, path, "seed", violations);
    Integer offset = Readers.withDefault(fields, "offset", "-1", path, violations, Readers.INT);
    Checks.negative(offset, path, "offset", violations);
    Short bias = Readers.withDefault(fields, "bias", "0", path, violations, Readers.SHORT);
    Checks.negativeOrZero(bias, path, "bias", violations);
    Duration timeout = Readers.withDefault(fields, "timeout", "PT30S", path, violations, Readers.DURATION);
    Instant notBefore = Readers.field(fields, "not_before", path, violations, Readers.INSTANT);
    LocalDate since = Readers.field(fields, "since", path, violations, Readers.LOCAL_DATE);
    URI callback = Readers.field(fields, "callback", path, violations, Readers.URI);
    Path outputDir = Readers.field(fields, "output_dir", path, violations, Readers.PATH);
    Set<String> tags = Readers.withDefault(fields, "tags", List.of(), path, violations, TAGS_READER);
    Checks.size(tags, 0, 3, path, "tags", violations);
    BigInteger maxBytes = Readers.field(fields, "max_bytes", path, violations, Readers.BIG_INTEGER);
    Map<String, Object> extra = Readers.withDefault(fields, "extra", EXTRA_DEFAULT, path, violations, EXTRA_READER);
    Optional<Integer> maxImages = Readers.field(fields, "max_images", path, violations, MAX_IMAGES_READER);
    Float gamma = Readers.withDefault(fields, "gamma", "1.0", path, violations, Readers.FLOAT);
    Boolean overwrite = Readers.withDefault(fields, "overwrite", "true", path, violations, Readers.BOOLEAN);
    Integer dotsPerInch = Readers.withDefault(fields, "dpi", "72", path, violations, Readers.INT);
    Checks.positive(dotsPerInch, path, "dpi", violations);
    if (violations.count() != before) {
      return null;
    }
    return new ResizeParams(inputDir, width, thumbnailSizes, interpolation, outputPrefix, bucket, notifyEmail, apiToken, labels, quality, seed, offset, bias, timeout, notBefore, since, callback, outputDir, tags, maxBytes, extra, maxImages, gamma, overwrite, dotsPerInch);
  }

  @Override
  public Map<String, Object> write(ResizeParams value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Writers.put(out, "input_dir", value.inputDir(), Writers.SAME);
    Writers.put(out, "width", value.width(), Writers.SAME);
    Writers.put(out, "thumbnail_sizes", value.thumbnailSizes(), Writers.list(Writers.SAME));
    Writers.put(out, "interpolation", value.interpolation(), Writers.enumValues("nearest", "bilinear", "bicubic", "lanczos-3"));
    Writers.put(out, "output_prefix", value.outputPrefix(), Writers.optional(Writers.SAME));
    Writers.put(out, "bucket", value.bucket(), Writers.SAME);
    Writers.put(out, "notify_email", value.notifyEmail(), Writers.SAME);
    Writers.put(out, "api_token", value.apiToken(), Writers.SAME);
    Writers.put(out, "labels", value.labels(), Writers.map(Writers.SAME));
    Writers.put(out, "quality", value.quality(), Writers.SAME);
    Writers.put(out, "seed", value.seed(), Writers.SAME);
    Writers.put(out, "offset", value.offset(), Writers.SAME);
    Writers.put(out, "bias", value.bias(), Writers.SAME);
    Writers.put(out, "timeout", value.timeout(), Writers.TEXT);
    Writers.put(out, "not_before", value.notBefore(), Writers.TEXT);
    Writers.put(out, "since", value.since(), Writers.TEXT);
    Writers.put(out, "callback", value.callback(), Writers.TEXT);
    Writers.put(out, "output_dir", value.outputDir(), Writers.TEXT);
    Writers.put(out, "tags", value.tags(), Writers.list(Writers.SAME));
    Writers.put(out, "max_bytes", value.maxBytes(), Writers.SAME);
    Writers.put(out, "extra", value.extra(), Writers.map(Writers.ANY));
    Writers.put(out, "max_images", value.maxImages(), Writers.optional(Writers.SAME));
    Writers.put(out, "gamma", value.gamma(), Writers.SAME);
    Writers.put(out, "overwrite", value.overwrite(), Writers.SAME);
    Writers.put(out, "dpi", value.dotsPerInch(), Writers.SAME);
    return out;
  }
}
