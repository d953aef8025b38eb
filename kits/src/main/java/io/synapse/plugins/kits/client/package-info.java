/**
 * The backend client of the kits: {@link io.synapse.plugins.kits.client.BackendClient} is what the
 * kits need from the Synapse platform (datasets and their ground-truth events, models, storages,
 * projects, data collections, files and data units, tasks, jobs, plugin runs).
 * {@link io.synapse.plugins.kits.client.HttpBackendClient} speaks to a Synapse backend over HTTP with
 * the platform's endpoints and payload shapes; {@link io.synapse.plugins.kits.client.LocalBackendClient}
 * keeps the same records in a directory tree, the default when no backend is configured.
 * {@link io.synapse.plugins.kits.client.BackendClients} picks one from a run's environment.
 */
package io.synapse.plugins.kits.client;
