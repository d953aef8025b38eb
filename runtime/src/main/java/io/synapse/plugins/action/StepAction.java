package io.synapse.plugins.action;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.steps.Orchestrator;
import io.synapse.plugins.steps.StepContext;
import io.synapse.plugins.steps.StepRegistry;

/**
 * An action whose work is a step workflow. Subclasses declare their steps in {@link #registerSteps},
 * build the context the steps share in {@link #createContext}, and turn the finished context into the
 * action's result in {@link #result}. {@link #execute()} runs the steps with an {@link Orchestrator}:
 * overall progress is reported in the action's category, each step's own progress in the step's name.
 * Steps report through their {@link StepContext} ({@code context.setProgress(done, total)}), not through
 * the action's own {@code setProgress}, which writes to the overall category.
 *
 * @param <P> the params record
 * @param <C> the context the steps share
 * @param <R> the action's result type
 */
public abstract class StepAction<P extends Record, C extends StepContext, R> extends BaseAction<P, R> {

  /** For subclasses. */
  protected StepAction() {}

  /** Adds the workflow's steps, in order, to {@code registry}. */
  protected abstract void registerSteps(StepRegistry<C> registry);

  /** A new context for this run, built on {@code runtime} (and, typically, {@link #params()}). */
  protected abstract C createContext(RuntimeContext runtime);

  /** The action's result, built from the context after every step succeeded or was skipped. */
  protected abstract R result(C context) throws Exception;

  /**
   * Runs the steps, then returns {@link #result(StepContext)}.
   *
   * @throws StepError naming the failing step, after the steps that ran were rolled back
   */
  @Override
  public final R execute() throws Exception {
    StepRegistry<C> registry = new StepRegistry<>();
    registerSteps(registry);
    C context = createContext(ctx());
    new Orchestrator<>(registry).run(context);
    return result(context);
  }
}
