package io.synapse.plugins.internal;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.context.RuntimeContext;

/**
 * Lets executors hand an action its params and context without making that a public method of
 * {@link BaseAction}. {@code BaseAction}'s static initialiser installs the one implementation; every
 * caller already holds an action instance, so the class is initialised by then.
 */
public abstract class ActionAccess {
  private static volatile ActionAccess instance;

  /** Called once, by {@link BaseAction}. */
  public static void install(ActionAccess access) {
    if (instance != null) {
      throw new IllegalStateException("ActionAccess is installed by BaseAction only");
    }
    instance = access;
  }

  /** Gives {@code action} its params and context; a second call on the same instance fails. */
  public static <P extends Record> void initialize(BaseAction<P, ?> action, P params, RuntimeContext context) {
    instance.initializeAction(action, params, context);
  }

  /** The implementation's side. */
  protected abstract <P extends Record> void initializeAction(BaseAction<P, ?> action, P params, RuntimeContext context);
}
