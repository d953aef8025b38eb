/**
 * The environment an action sees and how its secrets are kept out of everything printed:
 * {@link io.synapse.plugins.environment.PluginEnvironment} (variables, {@code .env} and TOML files) and the
 * {@link io.synapse.plugins.environment.Redactor} that hides the run's secret values in events, messages and
 * errors.
 *
 * <p>Public API for plugin authors, callers and executors. What counts as secret is
 * {@code secrets.SecretRule}; the events a redactor rewrites are in {@code events}.
 */
package io.synapse.plugins.environment;
