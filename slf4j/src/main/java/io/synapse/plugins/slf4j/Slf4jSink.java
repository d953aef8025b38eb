package io.synapse.plugins.slf4j;

import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.context.RuntimeContext;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns action events into SLF4J log records, so that an application's Logback or Log4j 2 setup receives
 * them: one logger per plugin and action ({@code synapse.<plugin>.<action>}, the name of
 * {@link RuntimeContext#logger()}), the event's level (WARNING as WARN), a one-line message, the event's
 * data and progress as key-value pairs, and the run in the MDC while the record is logged:
 *
 * <table>
 *   <caption>MDC keys</caption>
 *   <tr><td>{@value #MDC_PLUGIN}</td><td>the plugin code</td></tr>
 *   <tr><td>{@value #MDC_ACTION}</td><td>the action name</td></tr>
 *   <tr><td>{@value #MDC_JOB_ID}</td><td>the run's job id (absent when none)</td></tr>
 *   <tr><td>{@value #MDC_STEP}</td><td>the running step of a step workflow, for events reported on the run's own
 *       thread (set by {@link Slf4jMdcObserver}; absent outside steps)</td></tr>
 *   <tr><td>{@value #MDC_CATEGORY}</td><td>the event's progress/metrics category or step</td></tr>
 *   <tr><td>{@value #MDC_EVENT}</td><td>{@code log}, {@code progress}, {@code metrics}, {@code message} or {@code dev_event}</td></tr>
 * </table>
 *
 * <p>Events reach sinks already redacted by the executor that ran the action (the values of {@code @Secret}
 * params and of secret-looking environment entries are masked), so records carry no secret. MDC values set
 * before are restored after each record. Give it to any executor or to {@code RunOptions}:
 *
 * <pre>{@code
 * PluginRunner.runPlugin("my_plugin", "train", params, ExecutionMode.LOCAL,
 *     RunOptions.builder().sink(Slf4jSink.create()).build());
 * }</pre>
 *
 * <p>Progress can be frequent: wrap the sink in {@code ThrottlingSink} to log only what a person needs, or
 * give progress a lower level with {@link Builder#level}. Thread-safe.
 */
public final class Slf4jSink implements EventSink {
  /** MDC key of the plugin code. */
  public static final String MDC_PLUGIN = "synapse.plugin";
  /** MDC key of the action name. */
  public static final String MDC_ACTION = "synapse.action";
  /** MDC key of the job id. */
  public static final String MDC_JOB_ID = "synapse.job_id";
  /** MDC key of the running step. */
  public static final String MDC_STEP = "synapse.step";
  /** MDC key of the event's category. */
  public static final String MDC_CATEGORY = "synapse.category";
  /** MDC key of the event's type. */
  public static final String MDC_EVENT = "synapse.event";

  private final ILoggerFactory loggers;
  private final Map<EventType, Level> levels;
  private final Map<String, Logger> byName = new ConcurrentHashMap<>();

  private Slf4jSink(Builder builder) {
    this.loggers = builder.loggers != null ? builder.loggers : LoggerFactory.getILoggerFactory();
    this.levels = new EnumMap<>(builder.levels);
  }

  /** A sink logging through the application's SLF4J binding, each event at its own level. */
  public static Slf4jSink create() {
    return builder().build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void accept(PluginEvent event) {
    Logger logger = byName.computeIfAbsent(RuntimeContext.loggerName(event.plugin(), event.action()), loggers::getLogger);
    Level level = levels.getOrDefault(event.type(), levelOf(event.level()));
    if (!logger.isEnabledForLevel(level)) {
      return;
    }
    Map<String, String> previous = MDC.getCopyOfContextMap();
    try {
      putOrRemove(MDC_PLUGIN, event.plugin());
      putOrRemove(MDC_ACTION, event.action());
      putOrRemove(MDC_JOB_ID, event.jobId());
      putOrRemove(MDC_CATEGORY, event.category());
      MDC.put(MDC_EVENT, event.type().name().toLowerCase(Locale.ROOT));
      // The step is the run's, set around each step on the run's thread by Slf4jMdcObserver; kept as it is.
      LoggingEventBuilder record = logger.atLevel(level).setMessage(message(event));
      event.data().forEach(record::addKeyValue);
      if (event.progress() != null) {
        record.addKeyValue("current", event.progress().current())
            .addKeyValue("total", event.progress().total())
            .addKeyValue("percent", event.progress().percent());
      }
      record.log();
    } finally {
      restore(previous);
    }
  }

  /** The record's message: what the event says, on one line. */
  static String message(PluginEvent event) {
    String category = event.category() == null ? "" : " [" + event.category() + "]";
    return switch (event.type()) {
      // A line the action wrote to its logger() is a LOG event with text: the text is the record's message.
      case LOG -> event.message() != null ? event.message()
          : event.name() + category + (event.data().isEmpty() ? "" : " " + event.data());
      case DEV_EVENT -> "dev " + event.name() + category + (event.data().isEmpty() ? "" : " " + event.data());
      case PROGRESS -> "progress" + category + " " + event.progress().current() + "/" + event.progress().total()
          + String.format(Locale.ROOT, " (%.1f%%)", event.progress().percent());
      case METRICS -> "metrics" + category + " " + event.data();
      case MESSAGE -> event.message();
    };
  }

  /** The SLF4J level of a {@link System.Logger.Level}. */
  static Level levelOf(System.Logger.Level level) {
    return switch (level) {
      case ALL, TRACE -> Level.TRACE;
      case DEBUG -> Level.DEBUG;
      case INFO -> Level.INFO;
      case WARNING -> Level.WARN;
      case ERROR, OFF -> Level.ERROR;
    };
  }

  private static void putOrRemove(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  private static void restore(Map<String, String> previous) {
    if (previous == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(previous);
    }
  }

  /** Builds a {@link Slf4jSink}. */
  public static final class Builder {
    private ILoggerFactory loggers;
    private final Map<EventType, Level> levels = new EnumMap<>(EventType.class);

    private Builder() {}

    /** Where loggers come from (default: the application's SLF4J binding, {@link LoggerFactory#getILoggerFactory()}). */
    public Builder loggerFactory(ILoggerFactory factory) {
      this.loggers = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** Logs events of {@code type} at {@code level} whatever their own level (e.g. progress at DEBUG). */
    public Builder level(EventType type, Level level) {
      levels.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(level, "level"));
      return this;
    }

    /** The sink. */
    public Slf4jSink build() {
      return new Slf4jSink(this);
    }
  }
}
