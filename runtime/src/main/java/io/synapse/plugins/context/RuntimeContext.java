package io.synapse.plugins.context;

import java.nio.file.Path;
import io.synapse.plugins.internal.Languages;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a running action can use: its logger, its environment, its job id, its working directory, its
 * language, and the event methods (logs, progress, metrics, messages, dev events) whose events go to the
 * run's {@link EventSink}. Everything an action reports, its logger's records included, is an event of
 * the run: it reaches the run's sink in every mode, redacted. One context per run; safe to use from
 * several threads of that run.
 */
public final class RuntimeContext {
  private final String pluginCode;
  private final String actionName;
  private final String jobId;
  private final String language;
  private final PluginEnvironment env;
  private final Path workingDir;
  private final EventSink sink;
  private final Clock clock;
  private volatile System.Logger logger;
  private final Redactor redactor;
  private final io.synapse.plugins.pipeline.PipelineContext pipeline;
  // Made on the first progress report: most runs of small actions report none.
  private volatile ProgressTracker progress;

  private RuntimeContext(Builder builder) {
    this.pluginCode = builder.pluginCode;
    this.actionName = builder.actionName;
    this.jobId = builder.jobId;
    this.language = builder.language;
    this.env = builder.env;
    this.workingDir = builder.workingDir;
    this.sink = builder.sink;
    this.clock = builder.clock;
    this.redactor = builder.redactor != null ? builder.redactor : Redactor.builder().environment(builder.env).build();
    this.pipeline = builder.pipeline;
  }

  /** A builder for the context of one run of {@code actionName}. */
  public static Builder builder(String actionName) {
    return new Builder(actionName);
  }

  /**
   * The logger of this action ({@code synapse.<plugin>.<action>}). Its records are events of the run,
   * not a side channel: each becomes a {@link EventType#LOG} event with the record's level and text
   * ({@link PluginEvent#message()}), named {@code message} ({@code debug} at DEBUG and TRACE), with a
   * throwable's {@code exception} and {@code stack_trace} in its data. So they reach the run's sink in
   * every mode and sink, redacted like every other event. {@code MessageFormat} patterns with
   * parameters and resource bundles work as with any {@code System.Logger}.
   */
  public System.Logger logger() {
    System.Logger current = logger;
    if (current == null) {
      current = new ActionLogger(loggerName(pluginCode, actionName),
          (level, name, text, data) -> emit(EventType.LOG, level, null, name, text, data, null));
      logger = current;
    }
    return current;
  }

  /**
   * The name of an action's logger, {@code synapse.<plugin>.<action>} ({@code synapse.plugin.<action>} when the
   * plugin is unknown): the name {@link #logger()} and the logging sinks use.
   */
  public static String loggerName(String pluginCode, String actionName) {
    return "synapse." + (pluginCode == null ? "plugin" : pluginCode) + "." + actionName;
  }

  /**
   * The language of this run's messages (ISO 639-1, e.g. {@code ko}): the one the run was given
   * ({@code RunOptions.language}, the executor's builder, the command line's {@code --lang}), else the
   * environment's {@code SYNAPSE_LANGUAGE}, else {@code en}, as the seeds' context resolves it.
   */
  public String language() {
    if (language != null) {
      return language;
    }
    String fromEnv = env.get("SYNAPSE_LANGUAGE").map(String::trim).orElse("");
    return fromEnv.isEmpty() ? "en" : fromEnv;
  }

  /** The environment given to this run. */
  public PluginEnvironment env() {
    return env;
  }

  /** The job id of this run, or null when none was given. */
  public String jobId() {
    return jobId;
  }

  /**
   * The directory the run works in: the working directory the caller gave (LOCAL: the directory itself;
   * TASK and JOB: the copy on the node, where the action's process runs), else the process's current
   * directory. Absolute. Relative {@code Path} params have already been resolved against a given one.
   */
  public Path workingDir() {
    return workingDir != null ? workingDir : Path.of("").toAbsolutePath();
  }

  /** Whether the caller gave this run a working directory (rather than the process's current one). */
  public boolean hasWorkingDir() {
    return workingDir != null;
  }

  /**
   * The pipeline run this action is part of (its run id and shared run directory), when a pipeline runs it;
   * empty for an action run on its own.
   */
  public java.util.Optional<io.synapse.plugins.pipeline.PipelineContext> pipeline() {
    return java.util.Optional.ofNullable(pipeline);
  }

  /** The running action's name. */
  public String actionName() {
    return actionName;
  }

  /** The running plugin's code, or null when the action runs without a known plugin. */
  public String pluginCode() {
    return pluginCode;
  }

  /** Records a structured event. */
  public void log(String event, Map<String, ?> data) {
    emit(EventType.LOG, System.Logger.Level.INFO, null, event, null, data, null);
  }

  /** Records a structured event about {@code category} (a step, a phase); null means none. */
  public void log(String event, Map<String, ?> data, String category) {
    emit(EventType.LOG, System.Logger.Level.INFO, category, event, null, data, null);
  }

  /**
   * Reports progress: {@code current} of {@code total} in {@code category} (null means the action's
   * name). A total of 0 or less, or a current outside 0..total, is clamped rather than failing the run,
   * and a WARNING log event {@code invalid_progress} (with the values given) is recorded before it.
   * The progress event's data holds {@code elapsed_ms} since the category's first report and, once
   * something is done, {@code eta_ms}, the estimated time left.
   */
  public void setProgress(long current, long total, String category) {
    String effectiveCategory = categoryOrDefault(category);
    if (total <= 0 || current < 0 || current > total) {
      Map<String, Object> given = new LinkedHashMap<>();
      given.put("current", current);
      given.put("total", total);
      emit(EventType.LOG, System.Logger.Level.WARNING, effectiveCategory, "invalid_progress", null, given, null);
    }
    long safeTotal = Math.max(1, total);
    long safeCurrent = Math.max(0, Math.min(current, safeTotal));
    ProgressTracker.Snapshot snapshot = progress().record(effectiveCategory, safeCurrent, safeTotal, clock.instant());
    Map<String, Object> timing = snapshot.remaining() == null
        ? Map.of("elapsed_ms", snapshot.elapsed().toMillis())
        : Map.of("elapsed_ms", snapshot.elapsed().toMillis(), "eta_ms", snapshot.remaining().toMillis());
    emit(EventType.PROGRESS, System.Logger.Level.INFO, effectiveCategory, null, null, timing,
        new PluginEvent.Progress(safeCurrent, safeTotal));
  }

  /** The latest progress of every category of this run, with elapsed time and estimated time left. */
  public ProgressTracker progress() {
    ProgressTracker current = progress;
    if (current == null) {
      synchronized (this) {
        current = progress;
        if (current == null) {
          current = new ProgressTracker();
          progress = current;
        }
      }
    }
    return current;
  }

  /** What hides this run's secrets in its events: built from the environment unless given. */
  public Redactor redactor() {
    return redactor;
  }

  /** Records metrics in {@code category} (null means the action's name). */
  public void setMetrics(Map<String, ?> metrics, String category) {
    emit(EventType.METRICS, System.Logger.Level.INFO, categoryOrDefault(category), null, null, metrics, null);
  }

  /** Records a message meant for the user. */
  public void logMessage(String text) {
    emit(EventType.MESSAGE, System.Logger.Level.INFO, null, null, text, null, null);
  }

  /** Records a message meant for the user, at {@code level} (a warning, an error, ...). */
  public void logMessage(String text, System.Logger.Level level) {
    emit(EventType.MESSAGE, Objects.requireNonNull(level, "level"), null, null, text, null, null);
  }

  /**
   * Records a message meant for the user in the run's {@link #language()}: {@code texts} maps language
   * codes to the message in that language ({@code Map.of("en", "Done", "ko", "완료")}). The text is
   * the run language's, else its primary subtag's ({@code pt} for {@code pt-BR}), else English, else
   * the first given; the event's data names the language used ({@code language}).
   */
  public void logMessage(Map<String, String> texts) {
    logMessage(texts, System.Logger.Level.INFO);
  }

  /** Like {@link #logMessage(Map)}, at {@code level}. */
  public void logMessage(Map<String, String> texts, System.Logger.Level level) {
    Objects.requireNonNull(level, "level");
    String chosen = Languages.pick(texts, language());
    String text = chosen == null ? "" : texts.get(chosen);
    emit(EventType.MESSAGE, level, null, null, text, chosen == null ? null : Map.of("language", chosen), null);
  }

  /** Records a developer debug event. */
  public void logDevEvent(String event, Map<String, ?> data) {
    emit(EventType.DEV_EVENT, System.Logger.Level.DEBUG, null, event, null, data, null);
  }

  private String categoryOrDefault(String category) {
    return category == null || category.isBlank() ? actionName : category;
  }

  private void emit(EventType type, System.Logger.Level level, String category, String name, String message,
      Map<String, ?> data, PluginEvent.Progress progress) {
    Map<String, Object> copy = data == null || data.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    PluginEvent event = redactor.redact(
        new PluginEvent(type, level, actionName, category, name, message, copy, progress, clock.instant(), jobId, pluginCode));
    try {
      sink.accept(event);
    } catch (RuntimeException e) {
      // A broken sink must not fail the action. Said through the platform's logger: the action's own
      // logger writes to this very sink.
      System.getLogger(RuntimeContext.class.getName()).log(System.Logger.Level.WARNING, "event sink failed: " + e);
    }
  }

  /** Builds a {@link RuntimeContext}. */
  public static final class Builder {
    private final String actionName;
    private String pluginCode;
    private String jobId;
    private String language;
    private PluginEnvironment env = PluginEnvironment.empty();
    private Path workingDir;
    private EventSink sink = EventSink.discarding();
    private Clock clock = Clock.systemUTC();
    private Redactor redactor;
    private io.synapse.plugins.pipeline.PipelineContext pipeline;

    private Builder(String actionName) {
      this.actionName = Objects.requireNonNull(actionName, "actionName");
    }

    /** The plugin's code. */
    public Builder pluginCode(String code) {
      this.pluginCode = code;
      return this;
    }

    /** The job id (null for none). */
    public Builder jobId(String id) {
      this.jobId = id;
      return this;
    }

    /**
     * The language of the run's messages (default: none, so the environment's {@code SYNAPSE_LANGUAGE},
     * else {@code en}).
     *
     * @throws IllegalArgumentException when it is not a language code ({@code ko}, {@code pt-BR})
     */
    public Builder language(String code) {
      this.language = Languages.check(code);
      return this;
    }

    /** The environment (default: empty). */
    public Builder env(PluginEnvironment environment) {
      this.env = Objects.requireNonNull(environment, "env");
      return this;
    }

    /** The run's working directory (default: none, so the process's current directory). */
    public Builder workingDir(Path directory) {
      this.workingDir = directory == null ? null : directory.toAbsolutePath().normalize();
      return this;
    }

    /** Where events go (default: discarded). */
    public Builder sink(EventSink eventSink) {
      this.sink = Objects.requireNonNull(eventSink, "sink");
      return this;
    }

    /** The clock stamping events (default: UTC system clock). */
    public Builder clock(Clock eventClock) {
      this.clock = Objects.requireNonNull(eventClock, "clock");
      return this;
    }

    /**
     * What hides secrets in every event (default: one hiding the values of the environment's
     * secret-looking entries).
     */
    public Builder redactor(Redactor eventRedactor) {
      this.redactor = Objects.requireNonNull(eventRedactor, "redactor");
      return this;
    }

    /** The pipeline run the action is part of (default: none). */
    public Builder pipeline(io.synapse.plugins.pipeline.PipelineContext run) {
      this.pipeline = run;
      return this;
    }

    /** The context. */
    public RuntimeContext build() {
      return new RuntimeContext(this);
    }
  }
}
