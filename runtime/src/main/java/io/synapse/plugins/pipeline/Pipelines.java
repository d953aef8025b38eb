package io.synapse.plugins.pipeline;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.PipelineError;
import io.synapse.plugins.errors.RunNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStore;
import io.synapse.plugins.pipeline.store.RunStores;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs pipelines, durably: every run and every finished action is recorded in a run store
 * ({@link RunStores}: SQLite under the user's state directory by default, PostgreSQL by URL) before the next
 * action starts, so a run that failed, was cancelled or whose process died is resumed from the last good
 * action, in any mode, by any process that reaches the store.
 *
 * <pre>{@code
 * TrainResult result = Pipelines.run(flow, new FetchParams(...));                       // LOCAL
 * Object r = Pipelines.run(declared, Map.of("source_dir", "/data"), ExecutionMode.TASK, options);
 * Object again = Pipelines.resume(runId);                                              // after a failure
 * }</pre>
 *
 * <p>Modes: LOCAL runs each action in this thread; TASK sends each action to the warm pool of Ray actors;
 * JOB runs each action as a Ray job of its own (the whole pipeline as one job is {@code PluginRunner.runPipeline}
 * in JOB mode). Run options read here: {@value #RUN_ID_OPTION} (the run's id, default a random one),
 * {@value RunStores#OPTION} (the store's URL, or a {@link RunStore}) and {@value #RUN_DIR_OPTION} (where run
 * directories go, see {@link PipelineContext}); the rest go to every action as for {@code runPlugin}.
 */
public final class Pipelines {
  /** Run option: the id of a new run (default: 16 random hex digits). */
  public static final String RUN_ID_OPTION = "pipeline.run_id";
  /**
   * Run option: the mode the store records for the run, when it differs from where its actions run (the
   * whole-pipeline JOB entrypoint runs them in its own JVM and records {@code job}).
   */
  public static final String RECORDED_MODE_OPTION = "pipeline.recorded_mode";
  /** Run option: the directory under which each run gets its run directory. */
  public static final String RUN_DIR_OPTION = "pipeline.run_dir";

  private Pipelines() {}

  /** Runs {@code pipeline} locally with the default store; see {@link #run(Pipeline, Object, ExecutionMode, RunOptions)}. */
  public static <I, R> R run(Pipeline<I, R> pipeline, I initialParams) {
    return run(pipeline, initialParams, ExecutionMode.LOCAL, RunOptions.defaults());
  }

  /**
   * Runs {@code pipeline} in {@code mode} and returns the last action's result.
   *
   * @param initialParams the first action's params record (typed pipelines) or a map (merged pipelines)
   * @throws ValidationError when the initial params are invalid (nothing is recorded or run)
   * @throws PipelineError {@value PipelineError#FAILED} naming the action that failed, whose own error is the
   *     cause, or {@value PipelineError#CANCELLED}; the run stays recorded and can be resumed
   */
  public static <I, R> R run(Pipeline<I, R> pipeline, I initialParams, ExecutionMode mode, RunOptions options) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(mode, "mode");
    RunOptions effective = options == null ? RunOptions.defaults() : options;
    Map<String, Object> wire = initialWire(pipeline, initialParams);
    Object initial = pipeline.kind() == Pipeline.Kind.TYPED ? first(pipeline).bindParams(wire) : wire;
    String runId = effective.option(RUN_ID_OPTION).map(String::valueOf).orElseGet(Owners::newRunId);
    return new PipelineExecution<>(pipeline, store(effective), mode, effective, runId).start(initial, wire);
  }

  /** Run option: true to run a JOB-mode pipeline's actions as jobs of their own, driven from here. */
  public static final String JOB_PER_ACTION_OPTION = "pipeline.job_per_action";

  /**
   * What {@code PluginRunner.runPipeline} does: runs the declared pipeline {@code name} of {@code plugin}; in
   * JOB mode (unless {@value #JOB_PER_ACTION_OPTION}) submits it as one Ray job and returns the run id.
   */
  public static Object runDeclared(PluginDiscovery plugin, String name, Map<String, ?> params, ExecutionMode mode, RunOptions options) {
    Pipeline<Map<String, Object>, Object> pipeline = Pipeline.declared(plugin, name);
    @SuppressWarnings("unchecked")
    Map<String, Object> initial = (Map<String, Object>) params;
    if (mode == ExecutionMode.JOB && !Boolean.parseBoolean(String.valueOf(options.option(JOB_PER_ACTION_OPTION).orElse("false")))) {
      return PipelineJobs.submit(plugin, pipeline, initial, options);
    }
    return run(pipeline, initial, mode, options);
  }

  /**
   * Runs the declared pipeline {@code name} of {@code plugin} in {@code mode} and returns the last action's
   * result, in every mode: a whole-pipeline JOB is submitted and waited for (what the generated facades call).
   */
  public static Object runDeclaredToResult(PluginDiscovery plugin, String name, Map<String, ?> params, ExecutionMode mode,
      RunOptions options) {
    RunOptions effective = options == null ? RunOptions.defaults() : options;
    Object outcome = runDeclared(plugin, name, params, mode, effective);
    if (mode == ExecutionMode.JOB && !Boolean.parseBoolean(String.valueOf(effective.option(JOB_PER_ACTION_OPTION).orElse("false")))) {
      RunRecord run = PipelineJobs.await(store(effective), (String) outcome, Duration.ofDays(3650), effective);
      if (run.status() != RunStatus.COMPLETED) {
        throw ended(run);
      }
      return result(Pipeline.declared(plugin, name), run);
    }
    return outcome;
  }

  /**
   * Resumes run {@code runId} of a pipeline its plugin declares (found by code among the registries on the
   * class path), locally, with the default store.
   *
   * @see #resume(PluginDiscovery, String, ExecutionMode, RunOptions, Map)
   */
  public static Object resume(String runId) {
    return resume(runId, ExecutionMode.LOCAL, RunOptions.defaults());
  }

  /**
   * Resumes run {@code runId} in {@code mode} with {@code options} (its store among them), its plugin found by
   * code on the class path; for a run without secret initial params.
   *
   * @see #resume(PluginDiscovery, String, ExecutionMode, RunOptions, Map)
   */
  public static Object resume(String runId, ExecutionMode mode, RunOptions options) {
    return resume((PluginDiscovery) null, runId, mode, options, Map.of());
  }

  /**
   * Resumes run {@code runId} of a declared pipeline: a completed run returns its recorded result at once;
   * otherwise the actions that completed are skipped (not run again) and the run goes on, in {@code mode},
   * from the first that did not, with the accumulated params restored.
   *
   * @param plugin the plugin, or null to find it by the run's plugin code among the registries on the class
   *     path (never by a path the record names)
   * @param secrets the initial params whose values were secret, which the store does not keep
   * @throws RunNotFoundError when the store has no such run
   * @throws PipelineError {@value PipelineError#RUN_ACTIVE} when a live process runs it, or
   *     {@value PipelineError#DEFINITION_CHANGED} when the pipeline's actions differ from the run's
   */
  public static Object resume(PluginDiscovery plugin, String runId, ExecutionMode mode, RunOptions options, Map<String, ?> secrets) {
    RunOptions effective = options == null ? RunOptions.defaults() : options;
    RunRecord run = find(store(effective), runId);
    PluginDiscovery found = plugin != null ? plugin : PluginDiscovery.fromModule(run.plugin());
    return resume(Pipeline.declared(found, run.pipeline()), runId, mode, effective, secrets);
  }

  /** Resumes run {@code runId} of {@code pipeline} (a typed one, built again in this process); as {@link #resume(PluginDiscovery, String, ExecutionMode, RunOptions, Map)}. */
  public static <I, R> R resume(Pipeline<I, R> pipeline, String runId, ExecutionMode mode, RunOptions options, Map<String, ?> secrets) {
    RunOptions effective = options == null ? RunOptions.defaults() : options;
    RunStore store = store(effective);
    RunRecord run = find(store, runId);
    if (!run.pipeline().equals(pipeline.name()) || !run.actionNames().equals(pipeline.actionNames()) || !run.plugin().equals(pipeline.pluginCode())
        || !run.kind().equals(pipeline.kind().value())) {
      throw new PipelineError(PipelineError.DEFINITION_CHANGED, "Run '" + runId + "' is of pipeline '" + run.pipeline() + "' of plugin '"
          + run.plugin() + "' (" + String.join(" | ", run.actionNames()) + "), not of " + pipeline + " of plugin '" + pipeline.pluginCode() + "'",
          Map.of("run_id", runId, "pipeline", run.pipeline()), null);
    }
    if (run.status() == RunStatus.COMPLETED) {
      return result(pipeline, run);
    }
    if (run.owner() != null && Owners.alive(runId, run.owner(), run.leaseUntil())) {
      throw new PipelineError(PipelineError.RUN_ACTIVE, "Run '" + runId + "' of pipeline '" + run.pipeline() + "' is being run by " + run.owner()
          + " (its lease holds until " + run.leaseUntil() + ")", Map.of("run_id", runId, "pipeline", run.pipeline(), "owner", run.owner()), null);
    }
    Map<String, Object> wire = new LinkedHashMap<>(run.initialParams());
    List<Violation> missing = new ArrayList<>();
    for (String key : run.maskedKeys()) {
      Object given = secrets == null ? null : secrets.get(key);
      if (given == null) {
        missing.add(new Violation(key, "is secret, so the run store did not keep it: give it again to resume", "Required"));
      } else {
        wire.put(key, given);
      }
    }
    if (!missing.isEmpty()) {
      throw new ValidationError("initial params of run '" + runId + "'", missing);
    }
    if (mode == ExecutionMode.JOB && pipeline.kind() == Pipeline.Kind.MERGED && pipeline.plugin() != null
        && !Boolean.parseBoolean(String.valueOf(effective.option(JOB_PER_ACTION_OPTION).orElse("false")))) {
      // The whole rest of the run as one job, which resumes it from the store.
      Map<String, Object> secretValues = new LinkedHashMap<>();
      run.maskedKeys().forEach(key -> secretValues.put(key, wire.get(key)));
      PipelineJobs.resubmit(pipeline.plugin(), pipeline, runId, secretValues, effective);
      RunRecord ended = PipelineJobs.await(store, runId, Duration.ofDays(3650), effective);
      if (ended.status() != RunStatus.COMPLETED) {
        throw ended(ended);
      }
      @SuppressWarnings("unchecked")
      R result = (R) result(pipeline, ended);
      return result;
    }
    Object initial = pipeline.kind() == Pipeline.Kind.TYPED ? first(pipeline).bindParams(wire) : wire;
    return new PipelineExecution<>(pipeline, store, mode, effective, runId).resume(run, initial, wire);
  }

  /**
   * The recorded state of run {@code runId}.
   *
   * @throws RunNotFoundError when the store has no such run
   */
  public static RunRecord status(String runId, RunOptions options) {
    return find(store(options == null ? RunOptions.defaults() : options), runId);
  }

  /** The newest runs of the store, at most {@code limit}. */
  public static List<RunRecord> list(int limit, RunOptions options) {
    return store(options == null ? RunOptions.defaults() : options).list(limit);
  }

  /**
   * Asks for run {@code runId} to be cancelled: the process running it stops the current action cooperatively
   * (its thread is interrupted; {@code ctx().pipeline().get().isCancelRequested()} turns true) and ends the run
   * cancelled, within about a second; a run no process holds is marked cancelled at once.
   *
   * @return false when the run has ended already
   * @throws RunNotFoundError when the store has no such run
   */
  public static boolean cancel(String runId, RunOptions options) {
    RunStore store = store(options == null ? RunOptions.defaults() : options);
    find(store, runId);
    boolean asked = store.requestCancel(runId);
    if (asked) {
      Cancellations.request(runId);
    }
    return asked;
  }

  /**
   * Waits until run {@code runId} (a JOB run, or one another process runs) ends, and returns its result typed
   * as its pipeline's last action's (its plugin found by code on the class path).
   *
   * @throws PipelineError when the run failed or was cancelled (with the recorded error's action), or its job
   *     ended without ending the run
   * @throws io.synapse.plugins.errors.PluginError {@code timeout} when {@code timeout} passes first
   */
  public static Object await(String runId, Duration timeout, RunOptions options) {
    RunOptions effective = options == null ? RunOptions.defaults() : options;
    RunRecord run = PipelineJobs.await(store(effective), runId, timeout, effective);
    if (run.status() != RunStatus.COMPLETED) {
      throw ended(run);
    }
    return result(Pipeline.declared(PluginDiscovery.fromModule(run.plugin()), run.pipeline()), run);
  }

  /** The error that ended a failed or cancelled run, rebuilt from its record. */
  static PipelineError ended(RunRecord run) {
    Map<String, Object> error = run.error() == null ? Map.of() : run.error();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run_id", run.runId());
    details.put("pipeline", run.pipeline());
    if (error.get("action") != null) {
      details.put("action", error.get("action"));
      details.put("action_index", error.get("action_index"));
    }
    if (error.get("code") != null) {
      details.put("cause_code", error.get("code"));
    }
    String code = run.status() == RunStatus.CANCELLED ? PipelineError.CANCELLED : PipelineError.FAILED;
    return new PipelineError(code, "Pipeline '" + run.pipeline() + "' run '" + run.runId() + "' " + run.status().value()
        + (error.get("action") == null ? "" : " in action '" + error.get("action") + "'") + (error.get("message") == null
        || String.valueOf(error.get("message")).isEmpty() ? "" : ": " + error.get("message")), details, null);
  }

  /**
   * The recorded result of a completed run, typed as the last action's result.
   *
   * @throws PipelineError when the run has not completed ({@code details().status})
   */
  public static <I, R> R result(Pipeline<I, R> pipeline, RunRecord run) {
    if (run.status() != RunStatus.COMPLETED) {
      throw new PipelineError(run.status() == RunStatus.CANCELLED ? PipelineError.CANCELLED : PipelineError.FAILED,
          "Run '" + run.runId() + "' of pipeline '" + run.pipeline() + "' has no result: it is " + run.status().value(),
          Map.of("run_id", run.runId(), "pipeline", run.pipeline(), "status", run.status().value()), null);
    }
    @SuppressWarnings("unchecked")
    R result = (R) PipelineExecution.readResult(pipeline.stages().get(pipeline.size() - 1).action(), run.result());
    return result;
  }

  /** {@code result}, the last action's result of {@code pipeline}, in its wire form. */
  public static Object writeLastResult(Pipeline<?, ?> pipeline, Object result) {
    return PipelineExecution.writeResult(pipeline.stages().get(pipeline.size() - 1).action(), result);
  }

  /** The store {@code options} name ({@value RunStores#OPTION}), else the default one. */
  public static RunStore store(RunOptions options) {
    return RunStores.resolve(options.option(RunStores.OPTION).orElse(null));
  }

  private static RunRecord find(RunStore store, String runId) {
    Objects.requireNonNull(runId, "runId");
    return store.find(runId).orElseThrow(() -> new RunNotFoundError(runId, store.describe()));
  }

  @SuppressWarnings("unchecked")
  private static <I> Map<String, Object> initialWire(Pipeline<I, ?> pipeline, I initialParams) {
    if (pipeline.kind() == Pipeline.Kind.MERGED) {
      Map<String, ?> given = initialParams == null ? Map.of() : (Map<String, ?>) initialParams;
      return PipelineParams.initial(pipeline, given);
    }
    ActionDescriptor<Record, ?> first = (ActionDescriptor<Record, ?>) first(pipeline);
    return first.writeParams(first.validateParams((Record) Objects.requireNonNull(initialParams, "initialParams")));
  }

  private static ActionDescriptor<?, ?> first(Pipeline<?, ?> pipeline) {
    return pipeline.stages().get(0).action();
  }
}
