package io.synapse.plugins.pipeline.store;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run store in this process's memory ({@code memory:} URLs): for tests, and the fallback when no durable
 * store is on the class path. Runs are lost when the process ends, so only this process can resume them.
 */
public final class MemoryRunStore implements RunStore {
  private final String name;
  private final Map<String, RunRecord> runs = new LinkedHashMap<>();

  /** An empty store called {@code name}. */
  public MemoryRunStore(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String describe() {
    return "memory:" + name;
  }

  @Override
  public synchronized void create(RunRecord run) {
    if (runs.containsKey(run.runId())) {
      throw new PluginError("pipeline_store_error", "A pipeline run '" + run.runId() + "' exists already in " + describe(),
          Map.of("run_id", run.runId()));
    }
    runs.put(run.runId(), run);
  }

  @Override
  public synchronized Optional<RunRecord> find(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public synchronized List<RunRecord> list(int limit) {
    List<RunRecord> all = new ArrayList<>(runs.values());
    all.sort(Comparator.comparing(RunRecord::createdAt).reversed());
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  @Override
  public synchronized boolean claim(String runId, String expectedOwner, String owner, Instant leaseUntil, String mode) {
    RunRecord run = runs.get(runId);
    if (run == null || !Objects.equals(run.owner(), expectedOwner)) {
      return false;
    }
    runs.put(runId, copy(run, RunStatus.RUNNING, mode, run.result(), run.error(), owner, leaseUntil, false, run.jobId(), run.actions()));
    return true;
  }

  @Override
  public synchronized boolean renew(String runId, String owner, Instant leaseUntil) {
    RunRecord run = runs.get(runId);
    if (run == null || !Objects.equals(run.owner(), owner)) {
      return false;
    }
    runs.put(runId, copy(run, run.status(), run.mode(), run.result(), run.error(), owner, leaseUntil, run.cancelRequested(), run.jobId(),
        run.actions()));
    return true;
  }

  @Override
  public synchronized boolean cancelRequested(String runId) {
    RunRecord run = runs.get(runId);
    return run != null && run.cancelRequested();
  }

  @Override
  public synchronized boolean requestCancel(String runId) {
    RunRecord run = runs.get(runId);
    if (run == null || run.status().isTerminal()) {
      return false;
    }
    RunStatus status = run.owner() == null ? RunStatus.CANCELLED : run.status();
    runs.put(runId, copy(run, status, run.mode(), run.result(), run.error(), run.owner(), run.leaseUntil(), true, run.jobId(), run.actions()));
    return true;
  }

  @Override
  public synchronized void actionStarted(String runId, int index, Map<String, Object> params, Instant at) {
    ActionRecord a = action(runId, index);
    update(runId, index, new ActionRecord(index, a.action(), ActionStatus.RUNNING, 0, params, null, null, null, at, null, a.attempts() + 1));
  }

  @Override
  public synchronized void actionProgress(String runId, int index, double progress) {
    ActionRecord a = action(runId, index);
    update(runId, index, new ActionRecord(index, a.action(), a.status(), progress, a.params(), a.result(), a.accumulated(), a.error(),
        a.startedAt(), a.finishedAt(), a.attempts()));
  }

  @Override
  public synchronized void actionCompleted(String runId, int index, Object result, Map<String, Object> accumulated, Instant at) {
    ActionRecord a = action(runId, index);
    update(runId, index, new ActionRecord(index, a.action(), ActionStatus.COMPLETED, 1, a.params(), result, accumulated, null,
        a.startedAt(), at, a.attempts()));
  }

  @Override
  public synchronized void actionEnded(String runId, int index, ActionStatus status, Map<String, Object> error, Instant at) {
    ActionRecord a = action(runId, index);
    double progress = status == ActionStatus.SKIPPED ? 1 : a.progress();
    update(runId, index, new ActionRecord(index, a.action(), status, progress, a.params(), a.result(), a.accumulated(), error,
        a.startedAt(), at, a.attempts()));
  }

  @Override
  public synchronized void runEnded(String runId, String owner, RunStatus status, Object result, Map<String, Object> error, Instant at) {
    RunRecord run = require(runId);
    runs.put(runId, copy(run, status, run.mode(), result, error, null, null, run.cancelRequested(), run.jobId(), run.actions()));
  }

  @Override
  public synchronized void jobSubmitted(String runId, String jobId) {
    RunRecord run = require(runId);
    runs.put(runId, copy(run, run.status(), run.mode(), run.result(), run.error(), run.owner(), run.leaseUntil(), run.cancelRequested(),
        jobId, run.actions()));
  }

  @Override
  public void close() {}

  private ActionRecord action(String runId, int index) {
    return require(runId).actions().get(index);
  }

  private void update(String runId, int index, ActionRecord action) {
    RunRecord run = require(runId);
    List<ActionRecord> actions = new ArrayList<>(run.actions());
    actions.set(index, action);
    runs.put(runId, copy(run, run.status(), run.mode(), run.result(), run.error(), run.owner(), run.leaseUntil(), run.cancelRequested(),
        run.jobId(), actions));
  }

  private RunRecord require(String runId) {
    RunRecord run = runs.get(runId);
    if (run == null) {
      throw new io.synapse.plugins.errors.RunNotFoundError(runId, describe());
    }
    return run;
  }

  private static RunRecord copy(RunRecord run, RunStatus status, String mode, Object result, Map<String, Object> error, String owner,
      Instant leaseUntil, boolean cancelRequested, String jobId, List<ActionRecord> actions) {
    return new RunRecord(run.runId(), run.plugin(), run.pipeline(), run.kind(), mode, status, run.initialParams(), run.maskedKeys(),
        result, error, run.createdAt(), Instant.now(), owner, leaseUntil, cancelRequested, jobId, actions);
  }
}
