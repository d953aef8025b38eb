package io.synapse.plugins;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.context.ConsoleSink;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.internal.Languages;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The executor options of {@link PluginRunner#runPlugin(String, String, Map, ExecutionMode, RunOptions)}:
 * the seeds' {@code env}, {@code job_id}, {@code working_dir}, {@code runtime_env}, {@code action_cls}
 * and {@code language}, where events go, and backend-specific entries ({@link Builder#option}).
 * Immutable.
 */
public final class RunOptions {
  private static final EventSink DEFAULT_SINK = ConsoleSink.standard();
  private static final RunOptions DEFAULTS = builder().build();

  private final PluginEnvironment env;
  private final String jobId;
  private final String language;
  private final Path workingDir;
  private final Map<String, Object> runtimeEnv;
  private final Class<? extends BaseAction<?, ?>> actionClass;
  private final EventSink sink;
  private final Map<String, Object> options;
  // The LOCAL executor of these options, built on first use: options are immutable, and building an
  // executor (its environment redactor above all) cost more than a warm run of a small action.
  private volatile LocalExecutor localExecutor;

  private RunOptions(Builder builder) {
    this.env = builder.env;
    this.jobId = builder.jobId;
    this.language = builder.language;
    this.workingDir = builder.workingDir;
    this.runtimeEnv = Collections.unmodifiableMap(new LinkedHashMap<>(builder.runtimeEnv));
    this.actionClass = builder.actionClass;
    this.sink = builder.sink;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(builder.options));
  }

  /** The LOCAL executor these options describe (environment, job id, sink), shared by every run given them. */
  LocalExecutor localExecutor() {
    LocalExecutor executor = localExecutor;
    if (executor == null) {
      // A race builds two equal executors; either one serves.
      executor = LocalExecutor.builder().env(env).jobId(jobId).language(language).sink(sink).build();
      localExecutor = executor;
    }
    return executor;
  }

  /** The defaults: empty environment, no job id, events printed to standard error ({@link ConsoleSink#standard()}). */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The environment the action sees. */
  public PluginEnvironment env() {
    return env;
  }

  /** The job id for tracking, or null. */
  public String jobId() {
    return jobId;
  }

  /**
   * The language of the action's messages (ISO 639-1, e.g. {@code ko}), or null for none (then the
   * environment's {@code SYNAPSE_LANGUAGE}, else {@code en}). LOCAL runs only, for now.
   */
  public String language() {
    return language;
  }

  /** The working directory (JOB mode), if given. */
  public Optional<Path> workingDir() {
    return Optional.ofNullable(workingDir);
  }

  /** The Ray runtime environment (TASK and JOB modes). */
  public Map<String, Object> runtimeEnv() {
    return runtimeEnv;
  }

  /** The action class to run, skipping discovery, if given. */
  public Optional<Class<? extends BaseAction<?, ?>>> actionClass() {
    return Optional.ofNullable(actionClass);
  }

  /** Where the action's events go. */
  public EventSink sink() {
    return sink;
  }

  /** Backend-specific options. */
  public Map<String, Object> options() {
    return options;
  }

  /** The backend-specific option {@code key}, if set. */
  public Optional<Object> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** Builds {@link RunOptions}. */
  public static final class Builder {
    private PluginEnvironment env = PluginEnvironment.empty();
    private String jobId;
    private String language;
    private Path workingDir;
    private final Map<String, Object> runtimeEnv = new LinkedHashMap<>();
    private Class<? extends BaseAction<?, ?>> actionClass;
    private EventSink sink = DEFAULT_SINK;
    private final Map<String, Object> options = new LinkedHashMap<>();

    private Builder() {}

    /** Environment variables for the action (only these: the process environment is not forwarded). */
    public Builder env(Map<String, String> values) {
      this.env = PluginEnvironment.of(values);
      return this;
    }

    /** The environment for the action. */
    public Builder env(PluginEnvironment environment) {
      this.env = Objects.requireNonNull(environment, "env");
      return this;
    }

    /** A job id for tracking. */
    public Builder jobId(String id) {
      this.jobId = id;
      return this;
    }

    /**
     * The language of the action's messages, as the seeds' {@code language} option: what
     * {@code RuntimeContext.language()} answers and localized {@code logMessage}s are shown in.
     *
     * @throws IllegalArgumentException when it is not a language code ({@code ko}, {@code pt-BR})
     */
    public Builder language(String code) {
      this.language = Languages.check(code);
      return this;
    }

    /** The working directory (JOB mode). */
    public Builder workingDir(Path directory) {
      this.workingDir = directory;
      return this;
    }

    /** The Ray runtime environment (TASK and JOB modes). */
    public Builder runtimeEnv(Map<String, ?> environment) {
      this.runtimeEnv.clear();
      this.runtimeEnv.putAll(environment);
      return this;
    }

    /** The action class to run, skipping discovery. */
    public Builder actionClass(Class<? extends BaseAction<?, ?>> type) {
      this.actionClass = type;
      return this;
    }

    /** Where the action's events go (default: {@link ConsoleSink#standard()}, throttled console lines). */
    public Builder sink(EventSink eventSink) {
      this.sink = Objects.requireNonNull(eventSink, "sink");
      return this;
    }

    /** A backend-specific option, e.g. {@code "address"} for the Ray backends. */
    public Builder option(String key, Object value) {
      this.options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The options. */
    public RunOptions build() {
      return new RunOptions(this);
    }
  }
}
