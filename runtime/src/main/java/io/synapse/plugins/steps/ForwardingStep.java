package io.synapse.plugins.steps;

import java.util.Objects;

/**
 * A step that forwards everything to another step; subclasses override what they add to. Keeps the
 * wrapped step's name, weight, skip logic and rollback, so wrapping never changes a workflow's shape.
 *
 * @param <C> the context the steps share
 */
public abstract class ForwardingStep<C extends StepContext> implements Step<C> {
  private final Step<C> delegate;

  /** A step forwarding to {@code delegate}. */
  protected ForwardingStep(Step<C> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The wrapped step. */
  public final Step<C> delegate() {
    return delegate;
  }

  @Override
  public final String name() {
    return delegate.name();
  }

  @Override
  public final double progressWeight() {
    return delegate.progressWeight();
  }

  @Override
  public boolean canSkip(C context) throws Exception {
    return delegate.canSkip(context);
  }

  @Override
  public StepResult execute(C context) throws Exception {
    return delegate.execute(context);
  }

  @Override
  public void rollback(C context, StepResult result) throws Exception {
    delegate.rollback(context, result);
  }
}
