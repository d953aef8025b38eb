/**
 * A plugin's configuration as plain data, what its {@code config.yaml} says:
 * {@link io.synapse.plugins.config.PluginConfig} and {@link io.synapse.plugins.config.ActionConfig}. Generated
 * registries build them as constants, so listing a plugin's actions loads no action class.
 *
 * <p>Public API, read by callers (through {@code PluginDiscovery}) and by executors; depends only on the
 * root package's enums.
 */
package io.synapse.plugins.config;
