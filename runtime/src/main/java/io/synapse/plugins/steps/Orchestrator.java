package io.synapse.plugins.steps;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.secrets.RedactedException;
import io.synapse.plugins.observation.RunObservers;
import io.synapse.plugins.observation.StepScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a workflow's steps in order, reports its overall progress, and rolls back on failure.
 *
 * <p><b>Progress.</b> Each step owns a share of the overall progress equal to its weight divided by
 * the sum of the weights. The overall progress is reported in the orchestrator's category (the
 * action's name by default) as basis points ({@code current} of {@code 10000}): it starts at 0, never
 * goes down, moves within a step's share as the step reports progress in its own category, and ends
 * at exactly 100% only when every step succeeded or was skipped (a skipped step counts as done).
 *
 * <p><b>Rollback.</b> When a step fails (returns a failure result, or throws anything, errors and
 * interrupts included), every step that ran is rolled back in reverse order, the failing step first,
 * each exactly once; skipped steps and steps that never started are not. A rollback that throws is
 * recorded in the context's errors and attached as suppressed to the raised error, and the other
 * rollbacks still run. The raised {@link StepError} names the failing step and has the step's error as
 * its cause; a {@link VirtualMachineError} is rethrown as is (after the rollbacks) rather than wrapped.
 * When the thread was interrupted, the rollbacks run with the interrupt flag cleared (so they can do
 * blocking I/O) and the flag is restored before the error is raised. An interrupt or a cancellation of the
 * run ({@code ctx().isCancelled()}) noticed between steps stops the workflow before the next step, which is
 * named as the failing step but, never having run, is not rolled back.
 *
 * <p>An orchestrator is immutable; each {@link #run} is independent.
 *
 * @param <C> the context the steps share
 */
public final class Orchestrator<C extends StepContext> {
  /** The overall progress is reported as {@code current} of this many (basis points). */
  public static final long PROGRESS_SCALE = 10_000;

  private final List<Step<C>> steps;
  private final double[] shares;
  private final String progressCategory;

  /** An orchestrator of the registry's steps (as registered now) reporting progress in the action's category. */
  public Orchestrator(StepRegistry<C> registry) {
    this(registry, null);
  }

  /**
   * An orchestrator of the registry's steps (as registered now).
   *
   * @param progressCategory where the overall progress is reported; null means the action's name
   */
  public Orchestrator(StepRegistry<C> registry, String progressCategory) {
    this.steps = registry.steps();
    this.progressCategory = progressCategory;
    this.shares = normalisedWeights(steps);
  }

  /** The share of the overall progress each step owns, in step order; they add up to 1. */
  public List<Double> progressShares() {
    List<Double> list = new ArrayList<>(shares.length);
    for (double share : shares) {
      list.add(share);
    }
    return List.copyOf(list);
  }

  /**
   * Runs the steps on {@code context}.
   *
   * @return every step's result
   * @throws StepError naming the failing step after the rollbacks (see the class description)
   */
  public OrchestrationResult run(C context) {
    Objects.requireNonNull(context, "context");
    ProgressReport progress = new ProgressReport(context);
    context.attach(progress);
    try {
      progress.start();
      List<String> skipped = new ArrayList<>();
      List<Ran<C>> ran = new ArrayList<>();
      for (int index = 0; index < steps.size(); index++) {
        Step<C> step = steps.get(index);
        if (Thread.currentThread().isInterrupted() || context.runtime().isCancelled()) {
          String why = context.runtime().isCancelled() ? "cancelled" : "interrupted";
          throw rollBack(context, step, new InterruptedException(why + " before step '" + step.name() + "'"), ran);
        }
        progress.beginStep(index);
        StepResult result = runStep(context, step);
        context.putResult(step.name(), result);
        if (!result.success()) {
          ran.add(new Ran<>(step, result));
          throw rollBack(context, step, result.error(), ran);
        }
        if (result.skipped()) {
          skipped.add(step.name());
        } else {
          ran.add(new Ran<>(step, result));
        }
        progress.finishStep(index);
      }
      progress.complete();
      return new OrchestrationResult(context.results(), skipped);
    } finally {
      context.attach(null);
      context.leaveStep();
    }
  }

  private StepResult runStep(C context, Step<C> step) {
    context.enterStep(step.name());
    StepScope observed = StepScope.NONE;
    StepResult result = null;
    try {
      if (step.canSkip(context)) {
        return StepResult.skippedStep();
      }
      observed = RunObservers.stepStarted(step.name());
      StepResult returned = step.execute(context);
      result = returned != null ? returned
          : StepResult.failure(new IllegalStateException("Step '" + step.name() + "' returned no result"));
      return result;
    } catch (Throwable error) {
      // Anything, errors included: the steps that ran must still be rolled back.
      result = StepResult.failure(error);
      return result;
    } finally {
      context.leaveStep();
      // Observers record what the step failed with: its message may quote a secret of the run.
      observed.finished(result == null || result.success() ? null
          : RedactedException.withoutSecrets(result.error(), context.runtime().redactor()::redact));
    }
  }

  /** Rolls back {@code ran} in reverse and returns the error to raise (or throws a VirtualMachineError). */
  private RuntimeException rollBack(C context, Step<C> failed, Throwable cause, List<Ran<C>> ran) {
    // Cleared while rolling back so that rollbacks can block; restored below.
    boolean interrupted = Thread.interrupted() || cause instanceof InterruptedException;
    context.recordError(cause);
    List<String> rolledBack = new ArrayList<>();
    List<String> rollbackFailed = new ArrayList<>();
    List<Throwable> rollbackErrors = new ArrayList<>();
    for (int i = ran.size() - 1; i >= 0; i--) {
      Ran<C> done = ran.get(i);
      context.enterStep(done.step().name());
      try {
        done.step().rollback(context, done.result());
        rolledBack.add(done.step().name());
      } catch (Throwable rollbackError) {
        interrupted |= rollbackError instanceof InterruptedException;
        rollbackFailed.add(done.step().name());
        rollbackErrors.add(rollbackError);
        context.recordError(rollbackError);
        context.runtime().log("step_rollback_failed",
            Map.of("step", done.step().name(), "exception", rollbackError.getClass().getName()), done.step().name());
      } finally {
        context.leaveStep();
        // A rollback that saw or made an interrupt must not leave the flag set for the next one.
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable raised = cause instanceof VirtualMachineError ? cause
        : stepError(context, failed.name(), cause, rolledBack, rollbackFailed);
    rollbackErrors.forEach(raised::addSuppressed);
    if (raised instanceof VirtualMachineError vmError) {
      throw vmError;
    }
    return (RuntimeException) raised;
  }

  private StepError stepError(C context, String step, Throwable cause, List<String> rolledBack, List<String> rollbackFailed) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("step", step);
    details.put("exception", cause.getClass().getName());
    details.put("rolled_back", List.copyOf(rolledBack));
    details.put("rollback_failed", List.copyOf(rollbackFailed));
    String message = "Step '" + step + "' failed: " + cause.getClass().getSimpleName()
        // The step's message may quote a secret of the run.
        + (cause.getMessage() == null ? "" : ": " + context.runtime().redactor().redact(cause.getMessage()))
        + (rollbackFailed.isEmpty() ? "" : " (rollback also failed for " + String.join(", ", rollbackFailed) + ")");
    return new StepError(step, message, details, cause);
  }

  private static <C extends StepContext> double[] normalisedWeights(List<Step<C>> steps) {
    double total = 0;
    for (Step<C> step : steps) {
      total += step.progressWeight();
    }
    double[] result = new double[steps.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = steps.get(i).progressWeight() / total;
    }
    return result;
  }

  private record Ran<C extends StepContext>(Step<C> step, StepResult result) {}

  /** Turns step boundaries and in-step progress into monotonic overall progress. */
  private final class ProgressReport implements StepContext.StepProgressListener {
    private final StepContext context;
    private double done;
    private int currentIndex = -1;
    private long reported = -1;

    ProgressReport(StepContext context) {
      this.context = context;
    }

    synchronized void start() {
      report(0);
    }

    synchronized void beginStep(int index) {
      currentIndex = index;
    }

    synchronized void finishStep(int index) {
      done += shares[index];
      currentIndex = -1;
      if (index < steps.size() - 1) {
        // The last step's end is reported by complete(), as exactly 100%.
        report(toBasisPoints(done));
      }
    }

    synchronized void complete() {
      report(PROGRESS_SCALE);
    }

    @Override
    public synchronized void stepProgressed(String step, long current, long total) {
      if (currentIndex < 0 || !steps.get(currentIndex).name().equals(step) || total <= 0) {
        return;
      }
      double fraction = Math.max(0, Math.min(1, (double) current / total));
      report(toBasisPoints(done + shares[currentIndex] * fraction));
    }

    private long toBasisPoints(double fraction) {
      // Only complete() may reach 100%: rounding must not show a finished workflow early.
      return Math.min(PROGRESS_SCALE - 1, Math.round(fraction * PROGRESS_SCALE));
    }

    private void report(long basisPoints) {
      if (basisPoints > reported) {
        reported = basisPoints;
        context.runtime().setProgress(basisPoints, PROGRESS_SCALE, progressCategory);
      }
    }
  }
}
