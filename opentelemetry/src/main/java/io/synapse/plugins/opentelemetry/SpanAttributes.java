package io.synapse.plugins.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.observation.RunInfo;
import io.synapse.plugins.secrets.SecretRule;
import java.util.Locale;
import java.util.Map;

/** The attribute keys of Synapse spans and span events, and how runs, params and events become attributes. */
public final class SpanAttributes {
  /** The plugin code. */
  public static final AttributeKey<String> PLUGIN = AttributeKey.stringKey("synapse.plugin");
  /** The action name. */
  public static final AttributeKey<String> ACTION = AttributeKey.stringKey("synapse.action");
  /** {@code local}, {@code task} or {@code job}. */
  public static final AttributeKey<String> MODE = AttributeKey.stringKey("synapse.mode");
  /** {@code executor} (this process ran the action) or {@code driver} (it handed the action to a cluster). */
  public static final AttributeKey<String> ROLE = AttributeKey.stringKey("synapse.role");
  /** The run's job id. */
  public static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("synapse.job_id");
  /** A step's name. */
  public static final AttributeKey<String> STEP = AttributeKey.stringKey("synapse.step");
  /** The {@code code()} of the {@code PluginError} a run failed with. */
  public static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("synapse.error.code");
  /** The category of a progress or metrics event. */
  public static final AttributeKey<String> CATEGORY = AttributeKey.stringKey("synapse.category");
  /** Progress: how far. */
  public static final AttributeKey<Long> CURRENT = AttributeKey.longKey("synapse.progress.current");
  /** Progress: out of how much. */
  public static final AttributeKey<Long> TOTAL = AttributeKey.longKey("synapse.progress.total");
  /** Progress: the percentage. */
  public static final AttributeKey<Double> PERCENT = AttributeKey.doubleKey("synapse.progress.percent");
  /** The prefix of metric attributes of a metrics event, e.g. {@code synapse.metric.loss}. */
  public static final String METRIC_PREFIX = "synapse.metric.";
  /** The prefix of param attributes, when params are recorded, e.g. {@code synapse.param.epochs}. */
  public static final String PARAM_PREFIX = "synapse.param.";
  /** The name of a progress span event. */
  public static final String PROGRESS_EVENT = "synapse.progress";
  /** The name of a metrics span event. */
  public static final String METRICS_EVENT = "synapse.metrics";

  private SpanAttributes() {}

  /** A run's own attributes, and its params when {@code recordParams}. */
  static Attributes of(RunInfo run, boolean recordParams) {
    AttributesBuilder attributes = Attributes.builder()
        .put(ACTION, run.action())
        .put(MODE, run.mode().name().toLowerCase(Locale.ROOT))
        .put(ROLE, run.role().name().toLowerCase(Locale.ROOT));
    if (run.plugin() != null) {
      attributes.put(PLUGIN, run.plugin());
    }
    if (run.jobId() != null) {
      attributes.put(JOB_ID, run.jobId());
    }
    if (recordParams) {
      for (Map.Entry<String, Object> param : run.params().get().entrySet()) {
        putParam(attributes, param.getKey(), param.getValue(), run);
      }
    }
    return attributes.build();
  }

  private static void putParam(AttributesBuilder attributes, String name, Object value, RunInfo run) {
    if (value == null || SecretRule.looksSecret(name) || run.secretValues().contains(String.valueOf(value))) {
      return;
    }
    String key = PARAM_PREFIX + name;
    if (value instanceof Boolean flag) {
      attributes.put(AttributeKey.booleanKey(key), flag);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      attributes.put(AttributeKey.longKey(key), ((Number) value).longValue());
    } else if (value instanceof Number number) {
      attributes.put(AttributeKey.doubleKey(key), number.doubleValue());
    } else if (value instanceof String text) {
      attributes.put(AttributeKey.stringKey(key), text);
    }
    // Lists, maps and records are left out: an attribute holds a scalar, and nested values may hold anything.
  }

  /** A progress event's attributes. */
  static Attributes progress(PluginEvent event) {
    PluginEvent.Progress progress = event.progress();
    AttributesBuilder attributes = Attributes.builder()
        .put(CURRENT, progress.current()).put(TOTAL, progress.total()).put(PERCENT, progress.percent());
    if (event.category() != null) {
      attributes.put(CATEGORY, event.category());
    }
    return attributes.build();
  }

  /** A metrics event's attributes: numbers as numbers, booleans as booleans, anything else as its text. */
  static Attributes metrics(PluginEvent event) {
    AttributesBuilder attributes = Attributes.builder();
    if (event.category() != null) {
      attributes.put(CATEGORY, event.category());
    }
    for (Map.Entry<String, Object> metric : event.data().entrySet()) {
      String key = METRIC_PREFIX + metric.getKey();
      Object value = metric.getValue();
      if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
        attributes.put(AttributeKey.longKey(key), ((Number) value).longValue());
      } else if (value instanceof Number number) {
        attributes.put(AttributeKey.doubleKey(key), number.doubleValue());
      } else if (value instanceof Boolean flag) {
        attributes.put(AttributeKey.booleanKey(key), flag);
      } else if (value != null) {
        attributes.put(AttributeKey.stringKey(key), String.valueOf(value));
      }
    }
    return attributes.build();
  }
}
