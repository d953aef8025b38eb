package io.synapse.plugins.executors;

import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import java.time.Duration;
import java.util.Map;

/**
 * A job running an action somewhere else, typed by the action's result: what {@link JobExecutor#submit}
 * returns and {@link JobExecutor#attach} gives back for a job id, in this process or another one later. Every
 * method asks the cluster anew; a handle holds only the id and how to read the result.
 *
 * <pre>{@code
 * JobHandle<TrainResult> job = MyPlugin.submitTrain(params, jobs);
 * String id = job.id();                              // keep it; later, anywhere:
 * TrainResult result = jobs.attach(id, TrainAction_Descriptor.INSTANCE).await(Duration.ofHours(2));
 * }</pre>
 *
 * @param <R> the action's result type
 */
public interface JobHandle<R> {

  /** The job's id: the caller's job id when one was given, which is also what the action's {@code ctx().jobId()} is. */
  String id();

  /**
   * The job's state now.
   *
   * @throws PluginError when the cluster knows no such job ({@code job_not_found}) or cannot be asked
   */
  JobStatus status();

  /** The latest progress of each category the action reported so far, by category; empty before the first report. */
  Map<String, PluginEvent.Progress> progress();

  /** The job's log so far (its entrypoint's output), secrets of this submitter's runs hidden. */
  String logs();

  /**
   * Waits until the job ends and returns the action's result: the same typed object a LOCAL run returns. The
   * result is believed only when the job proves it was submitted by this submitter (see
   * {@link io.synapse.plugins.errors.UnverifiedResultError}).
   *
   * @throws ValidationError when the params were invalid in the job, with every violation
   * @throws ExecutionError when the action failed or the job failed
   * @throws CancelledError when the job was stopped
   * @throws PluginError {@code timeout} when {@code timeout} passes first (the job keeps running)
   */
  R await(Duration timeout);

  /**
   * Stops the job: the action is told ({@code ctx().isCancelled()}, its thread interrupted), a step workflow
   * rolls back, and an action that ignores it is stopped after the grace period. {@link #await} then raises
   * {@link CancelledError}.
   *
   * @return whether the job was running and is being stopped (false when it had already ended)
   */
  boolean cancel();
}
