package io.synapse.plugins.executors;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.context.ConsoleSink;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.internal.ActionAccess;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs actions in the calling thread: the LOCAL backend. Instant start, no isolation, easy to debug
 * (a breakpoint in the action just works). Immutable and thread-safe: each run gets its own action
 * instance and context.
 */
public final class LocalExecutor implements Executor {
  private static final LocalExecutor SHARED = builder().build();

  private final PluginEnvironment env;
  private final String jobId;
  private final EventSink sink;

  private LocalExecutor(Builder builder) {
    this.env = builder.env;
    this.jobId = builder.jobId;
    this.sink = builder.sink;
  }

  /** The default executor: empty environment, no job id, events printed by a {@link ConsoleSink}. */
  public static LocalExecutor shared() {
    return SHARED;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.LOCAL;
  }

  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, P params) {
    Objects.requireNonNull(params, "params");
    String actionName = action.config().name();
    RuntimeContext context = RuntimeContext.builder(actionName)
        .pluginCode(action.pluginCode())
        .jobId(jobId)
        .env(env)
        .sink(sink)
        .build();
    try {
      BaseAction<P, R> instance = action.newAction();
      ActionAccess.initialize(instance, params, context);
      return instance.execute();
    } catch (PluginError e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(action, e);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      throw failure(action, e);
    }
  }

  private ExecutionError failure(ActionDescriptor<?, ?> action, Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", action.pluginCode());
    details.put("action", action.config().name());
    details.put("exception", cause.getClass().getName());
    if (jobId != null) {
      details.put("job_id", jobId);
    }
    String message = "Action '" + action.config().name() + "' of plugin '" + action.pluginCode() + "' failed: "
        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return new ExecutionError(message, details, cause);
  }

  /** Builds a {@link LocalExecutor}. */
  public static final class Builder {
    private PluginEnvironment env = PluginEnvironment.empty();
    private String jobId;
    private EventSink sink = new ConsoleSink();

    private Builder() {}

    /** The environment actions see (default: empty; never the process environment). */
    public Builder env(Map<String, String> values) {
      this.env = PluginEnvironment.of(values);
      return this;
    }

    /** The environment actions see. */
    public Builder env(PluginEnvironment environment) {
      this.env = Objects.requireNonNull(environment, "env");
      return this;
    }

    /** The job id given to actions' contexts (default: none). */
    public Builder jobId(String id) {
      this.jobId = id;
      return this;
    }

    /** Where events go (default: a {@link ConsoleSink} on standard error). */
    public Builder sink(EventSink eventSink) {
      this.sink = Objects.requireNonNull(eventSink, "sink");
      return this;
    }

    /** The executor. */
    public LocalExecutor build() {
      return new LocalExecutor(this);
    }
  }
}
