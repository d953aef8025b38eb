package io.synapse.plugins.action;

import io.synapse.plugins.context.RuntimeContext;
import java.util.Map;

/**
 * The base of every action. Subclasses are public, concrete, have a public no-argument constructor,
 * carry {@link io.synapse.plugins.PluginAction}, and implement {@link #execute()}; the runtime gives
 * them their validated {@link #params()} and a {@link #ctx() runtime context} before calling it.
 *
 * @param <P> the params record ({@link NoParams} for an action without parameters)
 * @param <R> the result type: a record (written and read by generated code), a {@code Map}, a
 *     {@code List}, a {@code String}, a boxed primitive or {@code Void}
 */
public abstract class BaseAction<P extends Record, R> {
  private P params;
  private RuntimeContext context;

  /** For subclasses. */
  protected BaseAction() {}

  /**
   * Does the action's work.
   *
   * @return the result, returned as is by LOCAL runs and rebuilt by generated readers elsewhere
   * @throws Exception anything; the runtime wraps it in an {@code ExecutionError}
   */
  public abstract R execute() throws Exception;

  /** The validated params. */
  public final P params() {
    return params;
  }

  /** The runtime context: logger, environment, events, job id. */
  public final RuntimeContext ctx() {
    return context;
  }

  /** Reports progress in the action's default category (its name). */
  protected final void setProgress(long current, long total) {
    context.setProgress(current, total, null);
  }

  /** Reports progress in {@code category}. */
  protected final void setProgress(long current, long total, String category) {
    context.setProgress(current, total, category);
  }

  /** Records metrics in {@code category}. */
  protected final void setMetrics(Map<String, ?> metrics, String category) {
    context.setMetrics(metrics, category);
  }

  /** Logs a structured event. */
  protected final void log(String event, Map<String, ?> data) {
    context.log(event, data);
  }

  /** The action's logger. */
  protected final System.Logger logger() {
    return context.logger();
  }

  // Called by ActionAccess only, so that initialising is not a method a plugin author sees.
  void initialize(P newParams, RuntimeContext newContext) {
    if (context != null) {
      throw new IllegalStateException(getClass().getName() + " was already initialised: use a new instance per run");
    }
    this.params = newParams;
    this.context = newContext;
  }
}
