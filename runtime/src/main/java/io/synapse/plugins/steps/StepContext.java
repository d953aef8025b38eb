package io.synapse.plugins.steps;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.environment.PluginEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state a step workflow shares: the run's {@link RuntimeContext}, the results of the steps so far,
 * the errors recorded, and the step now running. Workflows extend it with their own fields (the data
 * loaded by one step and converted by the next).
 *
 * <p>{@link #setProgress(long, long)}, {@link #setMetrics(Map)} and {@link #log(String, Map)} report in
 * the current step's category, and progress in that category also moves the workflow's overall
 * progress within the step's share. Safe to report from several threads of the same run.
 */
public class StepContext {
  private final RuntimeContext runtime;
  private final Map<String, StepResult> results = new LinkedHashMap<>();
  private final List<Throwable> errors = new ArrayList<>();
  private volatile String currentStep;
  private volatile StepProgressListener progressListener;

  /** A context for a workflow run within {@code runtime}. */
  public StepContext(RuntimeContext runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** The run's runtime context: logger, environment, job id, events. */
  public final RuntimeContext runtime() {
    return runtime;
  }

  /** The run's environment. */
  public final PluginEnvironment env() {
    return runtime.env();
  }

  /** The run's logger. */
  public final System.Logger logger() {
    return runtime.logger();
  }

  /** The name of the step now running, if one is. */
  public final Optional<String> currentStep() {
    return Optional.ofNullable(currentStep);
  }

  /** The results of the steps that finished so far, by step name, in the order they finished. */
  public final synchronized Map<String, StepResult> results() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  /** The result of step {@code name}, if it finished. */
  public final synchronized Optional<StepResult> result(String name) {
    return Optional.ofNullable(results.get(name));
  }

  /** The errors recorded so far (a failed step's error, failed rollbacks), in order. */
  public final synchronized List<Throwable> errors() {
    return List.copyOf(errors);
  }

  /** Records {@code error} as one of the run's errors. */
  public final synchronized void recordError(Throwable error) {
    errors.add(Objects.requireNonNull(error, "error"));
  }

  /** Reports progress of the current step; it also moves the overall progress within the step's share. */
  public final void setProgress(long current, long total) {
    setProgress(current, total, null);
  }

  /**
   * Reports progress in {@code category} (null means the current step). Only progress of the current
   * step moves the overall progress.
   */
  public final void setProgress(long current, long total, String category) {
    String step = currentStep;
    String effective = category == null ? step : category;
    runtime.setProgress(current, total, effective);
    StepProgressListener listener = progressListener;
    if (listener != null && step != null && step.equals(effective)) {
      listener.stepProgressed(step, current, total);
    }
  }

  /** Records metrics of the current step. */
  public final void setMetrics(Map<String, ?> metrics) {
    setMetrics(metrics, null);
  }

  /** Records metrics in {@code category} (null means the current step). */
  public final void setMetrics(Map<String, ?> metrics, String category) {
    runtime.setMetrics(metrics, category == null ? currentStep : category);
  }

  /** Records a structured event about the current step. */
  public final void log(String event, Map<String, ?> data) {
    runtime.log(event, data, currentStep);
  }

  /** Records a message meant for the user. */
  public final void logMessage(String text) {
    runtime.logMessage(text);
  }

  final void enterStep(String name) {
    currentStep = name;
  }

  final void leaveStep() {
    currentStep = null;
  }

  final synchronized void putResult(String name, StepResult result) {
    results.put(name, result);
  }

  final void attach(StepProgressListener listener) {
    progressListener = listener;
  }

  /** Hears a running step's progress so the orchestrator can turn it into overall progress. */
  interface StepProgressListener {
    void stepProgressed(String step, long current, long total);
  }
}
