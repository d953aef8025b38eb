package io.synapse.plugins.executors;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Map;

/**
 * Runs actions somewhere: the executor protocol of every backend. Results are the action's own typed
 * result whichever backend ran it; failures are {@link ValidationError} (bad params; the action never
 * started) or {@link ExecutionError} (the action failed).
 */
public interface Executor {

  /** The mode this executor serves. */
  ExecutionMode mode();

  /**
   * Runs {@code action} with params built in Java. They are checked first by exactly the rules untyped
   * params are bound by ({@link ActionDescriptor#validateParams}), in every mode.
   *
   * @throws ValidationError listing every violated field; the action does not start
   * @throws ExecutionError when the action fails
   */
  <P extends Record, R> R execute(ActionDescriptor<P, R> action, P params);

  /**
   * Binds {@code params} (a JSON-like map), then runs {@code action}.
   *
   * @throws ValidationError listing every violated field; the action does not start
   * @throws ExecutionError when the action fails
   */
  default <P extends Record, R> R execute(ActionDescriptor<P, R> action, Map<String, ?> params) {
    return execute(action, action.bindParams(params));
  }

  /**
   * Runs the action of class {@code actionClass} (an annotated, compiled action) with untyped params:
   * the seeds' {@code execute(action_cls, params)}.
   *
   * @throws io.synapse.plugins.errors.ActionNotFoundError when the class has no generated descriptor
   */
  default Object execute(Class<? extends BaseAction<?, ?>> actionClass, Map<String, ?> params) {
    return execute(ActionDescriptors.forClass(actionClass), params);
  }
}
