package io.synapse.plugins.pipeline.store;

import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where pipeline runs are recorded, durably: every run, and every action as it starts and ends, before the
 * next one starts. Each method is one transaction: a crash between two calls leaves the run as the first
 * call left it, never half of a call. Implementations: {@link MemoryRunStore} (this process only, for tests)
 * and the JDBC store of {@code synapse-plugins-pipeline-store} (SQLite, the embedded default, and PostgreSQL),
 * found through {@link RunStoreProvider}. Thread-safe; several processes may share one durable store.
 */
public interface RunStore extends AutoCloseable {

  /** What the store is, for messages: its URL without credentials. */
  String describe();

  /**
   * Records a new run with its actions pending.
   *
   * @throws io.synapse.plugins.errors.PluginError {@code pipeline_store_error} when a run with that id exists
   */
  void create(RunRecord run);

  /** The run {@code runId} with its actions, if the store has it. */
  Optional<RunRecord> find(String runId);

  /** The newest runs first, at most {@code limit}, each with its actions. */
  List<RunRecord> list(int limit);

  /**
   * Makes {@code owner} the process running {@code runId} until {@code leaseUntil}, if the run's owner is still
   * {@code expectedOwner} (null: no owner), and sets its status to running and its mode; clears an earlier
   * cancellation request. Compare-and-set: of two processes resuming one run, one wins.
   *
   * @return whether the claim was made
   */
  boolean claim(String runId, String expectedOwner, String owner, Instant leaseUntil, String mode);

  /**
   * Extends {@code owner}'s claim on {@code runId}.
   *
   * @return whether {@code owner} still holds the run
   */
  boolean renew(String runId, String owner, Instant leaseUntil);

  /** Whether a cancellation of {@code runId} was asked for (false for an unknown run). */
  boolean cancelRequested(String runId);

  /**
   * Asks the process running {@code runId} to cancel it; a run that holds no owner and has not ended is
   * marked cancelled at once.
   *
   * @return false when the run is unknown or has ended already
   */
  boolean requestCancel(String runId);

  /** Records that action {@code index} started with {@code params} (wire form, secrets masked). */
  void actionStarted(String runId, int index, Map<String, Object> params, Instant at);

  /** Records action {@code index}'s progress (0 to 1). Implementations may keep only the latest value. */
  void actionProgress(String runId, int index, double progress);

  /**
   * Records that action {@code index} completed with {@code result}, and the accumulated params after it, in
   * one transaction.
   */
  void actionCompleted(String runId, int index, Object result, Map<String, Object> accumulated, Instant at);

  /** Records that action {@code index} ended {@code status} (failed, cancelled or skipped), with its error if any. */
  void actionEnded(String runId, int index, ActionStatus status, Map<String, Object> error, Instant at);

  /** Records that the run ended {@code status} with its result or error, and releases its owner. */
  void runEnded(String runId, String owner, RunStatus status, Object result, Map<String, Object> error, Instant at);

  /** Records the Ray job running the run. */
  void jobSubmitted(String runId, String jobId);

  /** Releases the store's resources; further calls fail. */
  @Override
  void close();
}
