package io.synapse.plugins.steps;

/**
 * One phase of a step workflow run by an {@link Orchestrator}: loading data, converting it,
 * uploading it. Steps share state through their context {@code C}, a subclass of
 * {@link StepContext} that holds the workflow's own fields.
 *
 * <p>A step that changes the world outside the context (files, remote records) should undo that in
 * {@link #rollback}, which the orchestrator calls when this step or a later one fails.
 *
 * @param <C> the context the workflow's steps share
 */
public interface Step<C extends StepContext> {

  /** The step's name, unique within its workflow; also the category of its progress and metrics. */
  String name();

  /**
   * The step's share of the workflow's progress, relative to the other steps' weights (only the
   * ratios matter: weights 1, 1, 2 mean 25%, 25%, 50%). Must be above 0 and finite; 1 by default.
   */
  default double progressWeight() {
    return 1.0;
  }

  /**
   * Does the step's work.
   *
   * @return {@link StepResult#ok()} (or another success) to go on, a {@link StepResult#failure failure}
   *     to stop the workflow and roll back
   * @throws Exception anything; it stops the workflow and rolls back like a failure result
   */
  StepResult execute(C context) throws Exception;

  /**
   * Whether the step has nothing to do this time (for example, its output already exists). A skipped
   * step counts as done for progress and is never rolled back. False by default.
   *
   * @throws Exception anything; it fails the step as {@link #execute} would
   */
  default boolean canSkip(C context) throws Exception {
    return false;
  }

  /**
   * Undoes what {@link #execute} did. Called at most once per run, only for a step that started (its
   * {@link #canSkip} or {@code execute} was called and it was not skipped), when this step or a later
   * one failed; so it must cope with work left half done. Does nothing by default.
   *
   * @param result the step's result: its own success result (with its {@link StepResult#rollbackData()})
   *     when a later step failed, or a failure result when this step failed
   * @throws Exception anything; the failure is recorded and the other rollbacks still run
   */
  default void rollback(C context, StepResult result) throws Exception {}
}
