package io.synapse.plugins.pipeline;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PipelineError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.ExecutionBackends;
import io.synapse.plugins.executors.ExecutionRequest;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStore;
import io.synapse.plugins.pipeline.store.RunStores;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One attempt at a pipeline run in this process: the driver loop of LOCAL and TASK runs (and of JOB runs
 * whose actions are jobs of their own), and what a JOB entrypoint runs for a whole pipeline. It records the
 * run and every action in the store before the next action starts, reports the run's events, and watches the
 * store for a cancellation while an action runs ({@link RunWatcher}).
 */
final class PipelineExecution<I, R> {
  private final Pipeline<I, R> pipeline;
  private final RunStore store;
  private final ExecutionMode mode;
  private final RunOptions options;
  private final String runId;
  private final String owner = Owners.newOwner();
  private final PipelineEvents events;
  private final Set<String> secretKeys;
  private final RunOptions actionOptions;
  private final LocalExecutor local;
  private final String recordedMode;

  PipelineExecution(Pipeline<I, R> pipeline, RunStore store, ExecutionMode mode, RunOptions options, String runId) {
    this.pipeline = pipeline;
    this.store = store;
    this.mode = mode;
    this.options = options;
    this.runId = runId;
    this.events = new PipelineEvents(options.sink(), pipeline.name(), runId, pipeline.size(), options.jobId());
    this.secretKeys = PipelineParams.secretKeys(pipeline);
    this.actionOptions = options.withContext(actionContext(options.context()));
    this.local = mode == ExecutionMode.LOCAL ? LocalExecutor.builder().context(actionOptions.context()).build() : null;
    this.recordedMode = options.option(Pipelines.RECORDED_MODE_OPTION).map(String::valueOf)
        .orElse(mode.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Records a new run with {@code initial} (checked already) and runs it. */
  R start(Object initial, Map<String, Object> initialWire) {
    Instant now = Instant.now();
    List<ActionRecord> actions = new java.util.ArrayList<>();
    for (int i = 0; i < pipeline.size(); i++) {
      actions.add(ActionRecord.pending(i, pipeline.actionNames().get(i)));
    }
    store.create(new RunRecord(runId, pipeline.pluginCode(), pipeline.name(), pipeline.kind().value(), recordedMode,
        RunStatus.PENDING, PipelineParams.storable(initialWire, secretKeys), PipelineParams.maskedKeys(initialWire, secretKeys), null, null,
        now, now, null, null, false, null, actions));
    claim(null);
    events.run("pipeline_started", System.Logger.Level.INFO, "Pipeline '" + pipeline.name() + "' started run " + runId);
    return execute(initial, new LinkedHashMap<>(initialWire), 0, null);
  }

  /**
   * Takes over the recorded run {@code run} (its owner gone) and goes on from its first action not done.
   *
   * @param initial the initial params (typed for typed pipelines), their secrets given again
   * @param initialWire the same in wire form
   */
  R resume(RunRecord run, Object initial, Map<String, Object> initialWire) {
    claim(run.owner());
    events.run("pipeline_resumed", System.Logger.Level.INFO, "Pipeline '" + pipeline.name() + "' resumes run " + runId);
    int first = 0;
    Map<String, Object> accumulated = new LinkedHashMap<>(initialWire);
    Object previous = null;
    List<Pipeline.Stage> stages = pipeline.stages();
    while (first < stages.size() && run.actions().get(first).status().isDone()) {
      ActionRecord done = run.actions().get(first);
      previous = readResult(stages.get(first).action(), done.result());
      if (done.accumulated() != null) {
        Map<String, Object> restored = new LinkedHashMap<>(done.accumulated());
        // Masked values are not stored: the initial params given again hold the secret ones.
        for (String key : run.maskedKeys()) {
          if (initialWire.containsKey(key)) {
            restored.put(key, initialWire.get(key));
          }
        }
        accumulated = restored;
      }
      store.actionEnded(runId, first, ActionStatus.SKIPPED, null, Instant.now());
      events.action("pipeline_action_skipped", System.Logger.Level.INFO, first, done.action(), ActionStatus.SKIPPED,
          "Action '" + done.action() + "' completed in an earlier attempt: not run again");
      first++;
    }
    events.progress((double) first / stages.size());
    return execute(initial, accumulated, first, previous);
  }

  private void claim(String expectedOwner) {
    if (!store.claim(runId, expectedOwner, owner, RunWatcher.leaseFromNow(), recordedMode)) {
      throw new PipelineError(PipelineError.RUN_ACTIVE, "Pipeline run '" + runId + "' is held by another process",
          Map.of("run_id", runId, "pipeline", pipeline.name()), null);
    }
  }

  @SuppressWarnings("unchecked")
  private R execute(Object initial, Map<String, Object> accumulated, int first, Object previous) {
    List<Pipeline.Stage> stages = pipeline.stages();
    Owners.started(runId);
    try (RunWatcher watcher = new RunWatcher(store, runId, owner, mode == ExecutionMode.LOCAL ? Thread.currentThread() : null)) {
      Object last = previous;
      for (int i = first; i < stages.size(); i++) {
        Pipeline.Stage stage = stages.get(i);
        String action = stage.action().config().name();
        if (watcher.cancelled()) {
          throw cancelled(i, action, null);
        }
        last = runAction(watcher, i, stage, initial, accumulated, last);
      }
      Object wire = writeResult(stages.get(stages.size() - 1).action(), last);
      store.runEnded(runId, owner, RunStatus.COMPLETED, PipelineParams.storableResult(wire, secretKeys), null, Instant.now());
      events.progress(1);
      events.run("pipeline_completed", System.Logger.Level.INFO, "Pipeline '" + pipeline.name() + "' completed run " + runId);
      return (R) last;
    } finally {
      Owners.ended(runId);
      Cancellations.clear(runId);
      events.flush();
    }
  }

  private Object runAction(RunWatcher watcher, int index, Pipeline.Stage stage, Object initial, Map<String, Object> accumulated,
      Object previous) {
    ActionDescriptor<?, ?> descriptor = stage.action();
    String action = descriptor.config().name();
    ExecutionRequest<?, ?> request;
    try {
      request = request(stage, index, initial, accumulated, previous);
    } catch (RuntimeException e) {
      throw failed(index, action, e instanceof PluginError ? e : mappingFailed(descriptor, e));
    }
    store.actionStarted(runId, index, PipelineParams.storable(writeParams(request), secretKeys), Instant.now());
    events.action("pipeline_action_started", System.Logger.Level.INFO, index, action, ActionStatus.RUNNING,
        "Action " + (index + 1) + "/" + pipeline.size() + " '" + action + "' started");
    Object result;
    watcher.actionStarted();
    try {
      result = run(request, index);
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError vm && !(e instanceof StackOverflowError) && !(e instanceof OutOfMemoryError)) {
        throw vm;
      }
      if (watcher.cancelled()) {
        throw cancelled(index, action, e);
      }
      throw failed(index, action, e);
    } finally {
      watcher.actionEnded();
    }
    Object wire = writeResult(descriptor, result);
    if (wire instanceof Map<?, ?> map) {
      map.forEach((key, value) -> accumulated.put(String.valueOf(key), value));
    }
    store.actionCompleted(runId, index, PipelineParams.storableResult(wire, secretKeys), PipelineParams.storable(accumulated, secretKeys),
        Instant.now());
    events.action("pipeline_action_completed", System.Logger.Level.INFO, index, action, ActionStatus.COMPLETED,
        "Action " + (index + 1) + "/" + pipeline.size() + " '" + action + "' completed");
    events.progress((double) (index + 1) / pipeline.size());
    return result;
  }

  private ExecutionRequest<?, ?> request(Pipeline.Stage stage, int index, Object initial, Map<String, Object> accumulated, Object previous) {
    ActionDescriptor<?, ?> descriptor = stage.action();
    if (pipeline.kind() == Pipeline.Kind.MERGED) {
      return ExecutionRequest.bind(pipeline.plugin(), descriptor, PipelineParams.project(descriptor.shape(), accumulated), actionOptions);
    }
    Record params = index == 0 ? (Record) initial : stage.mapping().apply(previous, initial);
    return typedRequest(descriptor, params);
  }

  @SuppressWarnings("unchecked")
  private <P extends Record, X> ExecutionRequest<P, X> typedRequest(ActionDescriptor<P, X> descriptor, Record params) {
    if (params == null) {
      throw new IllegalStateException("the mapping to the params of action '" + descriptor.config().name() + "' returned null");
    }
    return ExecutionRequest.of(null, descriptor, descriptor.paramsType().cast(params), actionOptions);
  }

  private <P extends Record, X> X run(ExecutionRequest<P, X> request, int index) {
    ExecutionRequest<P, X> withSink = ExecutionRequest.of(request.plugin().orElse(null), request.action(), request.params(),
        actionOptions.withContext(actionOptions.context().withSink(
            new ActionProgressSink(options.sink(), events, store, runId, index, pipeline.size()))));
    if (mode == ExecutionMode.LOCAL) {
      return local.withSink(withSink.options().sink()).run(withSink);
    }
    return ExecutionBackends.of(mode).runToResult(withSink);
  }

  private PipelineError failed(int index, String action, Throwable cause) {
    Map<String, Object> error = errorMap(index, action, cause);
    store.actionEnded(runId, index, ActionStatus.FAILED, error, Instant.now());
    store.runEnded(runId, owner, RunStatus.FAILED, null, error, Instant.now());
    String message = "Pipeline '" + pipeline.name() + "' failed in action " + (index + 1) + "/" + pipeline.size() + " '" + action + "' (run "
        + runId + "): " + cause.getMessage();
    events.action("pipeline_action_failed", System.Logger.Level.ERROR, index, action, ActionStatus.FAILED, String.valueOf(cause.getMessage()));
    events.run("pipeline_failed", System.Logger.Level.ERROR, message);
    return new PipelineError(PipelineError.FAILED, message, details(index, action, cause), cause);
  }

  private PipelineError cancelled(int index, String action, Throwable cause) {
    Map<String, Object> error = errorMap(index, action, null);
    error.put("code", PipelineError.CANCELLED);
    error.put("message", "cancelled");
    store.actionEnded(runId, index, ActionStatus.CANCELLED, null, Instant.now());
    store.runEnded(runId, owner, RunStatus.CANCELLED, null, error, Instant.now());
    String message = "Pipeline '" + pipeline.name() + "' was cancelled in action " + (index + 1) + "/" + pipeline.size() + " '" + action
        + "' (run " + runId + ")";
    events.action("pipeline_action_cancelled", System.Logger.Level.WARNING, index, action, ActionStatus.CANCELLED, message);
    events.run("pipeline_cancelled", System.Logger.Level.WARNING, message);
    Thread.interrupted(); // the watcher's interrupt has done its work
    return new PipelineError(PipelineError.CANCELLED, message, details(index, action, cause), cause);
  }

  private Map<String, Object> details(int index, String action, Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run_id", runId);
    details.put("pipeline", pipeline.name());
    details.put("action", action);
    details.put("action_index", index);
    if (cause instanceof PluginError error) {
      details.put("cause_code", error.code());
    }
    return details;
  }

  private static Map<String, Object> errorMap(int index, String action, Throwable cause) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", cause instanceof PluginError e ? e.code() : cause == null ? PipelineError.CANCELLED : "execution_error");
    error.put("message", cause == null ? "" : String.valueOf(cause.getMessage()));
    error.put("action", action);
    error.put("action_index", index);
    if (cause instanceof PluginError e) {
      error.put("details", io.synapse.plugins.spi.Writers.ANY.write(e.details()));
    }
    return error;
  }

  private ExecutionError mappingFailed(ActionDescriptor<?, ?> descriptor, RuntimeException e) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", descriptor.pluginCode());
    details.put("action", descriptor.config().name());
    details.put("exception", e.getClass().getName());
    return new ExecutionError("The pipeline could not make the params of action '" + descriptor.config().name() + "': " + e, details, e);
  }

  /** The context of every action: the caller's, with the run's facts added to the environment. */
  private ContextSettings actionContext(ContextSettings caller) {
    Map<String, String> env = new LinkedHashMap<>(caller.env().asMap());
    env.put(PipelineContext.RUN_ID, runId);
    env.put(PipelineContext.PIPELINE, pipeline.name());
    Object base = options.option(Pipelines.RUN_DIR_OPTION).orElse(null);
    if (base != null) {
      env.put(PipelineContext.RUN_DIR, Path.of(String.valueOf(base)).toAbsolutePath().resolve(runId).toString());
    } else if (caller.workingDir() == null) {
      env.put(PipelineContext.RUN_DIR, RunStores.stateDir().resolve("pipeline-runs").resolve(runId).toString());
    }
    return new ContextSettings(PluginEnvironment.of(env), caller.jobId(), caller.workingDir(), caller.language(), caller.sink());
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> Map<String, Object> writeParams(ExecutionRequest<P, ?> request) {
    return request.action().writeParams(request.params());
  }

  @SuppressWarnings("unchecked")
  static <X> Object writeResult(ActionDescriptor<?, X> descriptor, Object result) {
    return descriptor.writeResult((X) result);
  }

  static Object readResult(ActionDescriptor<?, ?> descriptor, Object wire) {
    return descriptor.readResult(wire);
  }
}
