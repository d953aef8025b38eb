/**
 * Specialized action kits: base classes with built-in step workflows for the platform's common
 * plugin kinds (train, export, upload, dataset, add-task-data, inference), on a
 * {@link io.synapse.plugins.kits.client.BackendClient backend client}. Extend a kit, annotate the
 * subclass with {@code @PluginAction}, and fill in only your own logic.
 */
package io.synapse.plugins.kits;
