/**
 * Running actions: the {@link io.synapse.plugins.executors.Executor} contract, the in-process
 * {@link io.synapse.plugins.executors.LocalExecutor} (LOCAL), and the hooks of the backends that serve the
 * other modes: {@link io.synapse.plugins.executors.ExecutionBackend}, found through {@code ServiceLoader},
 * which receives an {@link io.synapse.plugins.executors.ExecutionRequest} whose params are bound already.
 *
 * <p>{@code Executor} and {@code LocalExecutor} are public API for callers and generated facades; the
 * backend hooks are for executor modules such as {@code synapse-plugins-ray}. The remote protocol those
 * share is in {@code executors.remote}.
 */
package io.synapse.plugins.executors;
