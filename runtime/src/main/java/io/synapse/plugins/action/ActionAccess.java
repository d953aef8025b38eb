package io.synapse.plugins.action;

import io.synapse.plugins.context.RuntimeContext;

/**
 * Gives a new action instance its params and context: the hook an executor calls between
 * {@code ActionDescriptor.newAction()} and {@link BaseAction#execute()}. It lives here, beside
 * {@link BaseAction}, so that initialising is not a method of {@code BaseAction} that plugin authors see;
 * executors (the runtime's {@code LocalExecutor}, a backend's worker) are its only callers.
 */
public final class ActionAccess {
  private ActionAccess() {}

  /**
   * Gives {@code action} its params and context.
   *
   * @throws IllegalStateException when {@code action} was initialised before (one instance per run)
   */
  public static <P extends Record> void initialize(BaseAction<P, ?> action, P params, RuntimeContext context) {
    action.initialize(params, context);
  }
}
