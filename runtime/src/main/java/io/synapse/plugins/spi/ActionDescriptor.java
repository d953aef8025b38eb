package io.synapse.plugins.spi;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.errors.ValidationError;

/**
 * Everything the runtime needs to run one action without reflection, generated as
 * {@code <Action>_Descriptor}: its configuration, construction by method reference, and the
 * generated binder and writers of its params and result.
 *
 * @param <P> the params record
 * @param <R> the result type
 */
public interface ActionDescriptor<P extends Record, R> {

  /** The code of the plugin the action belongs to. */
  String pluginCode();

  /** The action's configuration (plain data). */
  ActionConfig config();

  /** The action class. */
  Class<? extends BaseAction<P, R>> actionClass();

  /** The params record class. */
  Class<P> paramsType();

  /** A new, uninitialised action instance. */
  BaseAction<P, R> newAction();

  /**
   * Binds and validates untyped params.
   *
   * @throws ValidationError naming the action and listing every violated field
   */
  P bindParams(Object params);

  /**
   * Binds and validates untyped params like {@link #bindParams(Object)}, resolving every relative
   * {@code Path} value against {@code pathBase} (the run's working directory); null keeps them as given.
   * Generated descriptors implement it; this default, for hand-written ones, ignores {@code pathBase}.
   *
   * @throws ValidationError naming the action and listing every violated field
   */
  default P bindParams(Object params, java.nio.file.Path pathBase) {
    return bindParams(params);
  }

  /**
   * Checks params built in Java by exactly the rules untyped params are bound by: writes them with
   * {@link #writeParams} and binds the result back. Returns the bound copy, which is what runs (absent
   * values given their {@code @Default}s, as in every other mode).
   *
   * @throws ValidationError listing every violated field, the same violations the map would give
   */
  default P validateParams(P params) {
    return bindParams(writeParams(java.util.Objects.requireNonNull(params, "params")));
  }

  /** The params as a JSON-like map, which {@link #bindParams(Object)} reads back into equal params. */
  java.util.Map<String, Object> writeParams(P params);

  /** The result as a JSON-like value. */
  Object writeResult(R result);

  /**
   * Reads a result back from {@link #writeResult(Object)}'s form.
   *
   * @throws ValidationError when the value does not fit the result type
   */
  R readResult(Object value);

  /**
   * The action's semantic types and the components of its params and result, for checking pipelines.
   * Generated descriptors give them all; this default, for hand-written ones, gives only the semantic types.
   */
  default ActionShape shape() {
    return ActionShape.unknown(config().inputType(), config().outputType());
  }

  /**
   * The values of the params' {@link io.synapse.plugins.Secret @Secret} components, which executors
   * hide in every event and error message of the run. None by default.
   */
  default java.util.Set<String> secretValues(P params) {
    return java.util.Set.of();
  }
}
