/**
 * Where pipeline runs are recorded: the {@link io.synapse.plugins.pipeline.store.RunStore} contract, its
 * records ({@link io.synapse.plugins.pipeline.store.RunRecord}, {@link
 * io.synapse.plugins.pipeline.store.ActionRecord}) and statuses ({@link
 * io.synapse.plugins.pipeline.store.RunStatus}, {@link io.synapse.plugins.pipeline.store.ActionStatus}), the
 * in-memory store, and {@link io.synapse.plugins.pipeline.store.RunStores}, which picks a store by its URL
 * among the {@link io.synapse.plugins.pipeline.store.RunStoreProvider}s found with {@code ServiceLoader}.
 *
 * <p>Public API for callers reading runs and for store modules ({@code synapse-plugins-pipeline-store}
 * implements a provider). It depends only on {@code errors} and {@code secrets}, so the pipelines above it
 * and any store can use it.
 */
package io.synapse.plugins.pipeline.store;
