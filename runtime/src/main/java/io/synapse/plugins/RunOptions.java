package io.synapse.plugins;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.context.ConsoleSink;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.executors.LocalExecutor;
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
 * The environment, job id, working directory, language and sink are one {@link ContextSettings} value,
 * the block every executor takes. Immutable.
 */
public final class RunOptions {
  private static final EventSink DEFAULT_SINK = ConsoleSink.standard();
  private static final RunOptions DEFAULTS = builder().build();

  private final ContextSettings context;
  private final Map<String, Object> runtimeEnv;
  private final Class<? extends BaseAction<?, ?>> actionClass;
  private final Map<String, Object> options;
  // The LOCAL executor of these options, built on first use: options are immutable, and building an
  // executor (its environment redactor above all) cost more than a warm run of a small action.
  private volatile LocalExecutor localExecutor;

  private RunOptions(Builder builder) {
    this.context = builder.contextSettings();
    this.runtimeEnv = Collections.unmodifiableMap(new LinkedHashMap<>(builder.runtimeEnv));
    this.actionClass = builder.actionClass;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(builder.options));
  }

  /**
   * The LOCAL executor these options describe (environment, job id, working directory, sink), shared by
   * every run given them.
   *
   * @throws io.synapse.plugins.errors.ConfigError when the working directory is not an existing directory
   */
  LocalExecutor localExecutor() {
    LocalExecutor executor = localExecutor;
    if (executor == null) {
      // A race builds two equal executors; either one serves.
      executor = LocalExecutor.builder().context(context).build();
      localExecutor = executor;
    }
    return executor;
  }

  /**
   * These options with {@code settings} as their environment, job id, working directory, language and sink,
   * everything else kept.
   */
  public RunOptions withContext(ContextSettings settings) {
    Builder builder = builder().context(settings).runtimeEnv(runtimeEnv).actionClass(actionClass);
    options.forEach(builder::option);
    return builder.build();
  }

  /** The defaults: empty environment, no job id, events printed to standard error ({@link ConsoleSink#standard()}). */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The environment, job id, working directory, language and sink, as one value. */
  public ContextSettings context() {
    return context;
  }

  /** The environment the action sees. */
  public PluginEnvironment env() {
    return context.env();
  }

  /** The job id for tracking, or null. */
  public String jobId() {
    return context.jobId();
  }

  /**
   * The language of the action's messages (ISO 639-1, e.g. {@code ko}), or null for none (then the
   * environment's {@code SYNAPSE_LANGUAGE}, else {@code en}).
   */
  public String language() {
    return context.language();
  }

  /**
   * The working directory, if given: LOCAL uses it in place, TASK and JOB ship it to the cluster; the
   * action sees it as {@code ctx().workingDir()} and relative {@code Path} params resolve against it.
   */
  public Optional<Path> workingDir() {
    return Optional.ofNullable(context.workingDir());
  }

  /**
   * The Ray runtime environment (TASK and JOB modes): {@code env_vars}, {@code java_jars} (or {@code jars}),
   * {@code working_dir} and {@code config}; the Ray backends refuse the keys that cannot apply to Java
   * workers before anything is submitted.
   */
  public Map<String, Object> runtimeEnv() {
    return runtimeEnv;
  }

  /** The action class to run, skipping discovery, if given. */
  public Optional<Class<? extends BaseAction<?, ?>>> actionClass() {
    return Optional.ofNullable(actionClass);
  }

  /** Where the action's events go. */
  public EventSink sink() {
    return context.sink();
  }

  /** Backend-specific options. */
  public Map<String, Object> options() {
    return options;
  }

  /** The backend-specific option {@code key}, if set. */
  public Optional<Object> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /**
   * Builds {@link RunOptions}. The environment, job id, working directory, language and sink setters are
   * {@link ContextSettings.Builder}'s (default sink: {@link ConsoleSink#standard()}, throttled console lines).
   */
  public static final class Builder extends ContextSettings.Builder<Builder> {
    private final Map<String, Object> runtimeEnv = new LinkedHashMap<>();
    private Class<? extends BaseAction<?, ?>> actionClass;
    private final Map<String, Object> options = new LinkedHashMap<>();

    private Builder() {
      super(DEFAULT_SINK);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The Ray runtime environment (TASK and JOB modes); see {@link RunOptions#runtimeEnv()}. */
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

    /** A backend-specific option, e.g. {@code "ray.address"} for the Ray backends. */
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
