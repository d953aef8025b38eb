/**
 * The typed errors every mode raises: {@link io.synapse.plugins.errors.PluginError} and its subtypes
 * (validation, configuration, execution, step, plugin and action not found), each with structured
 * details, the same type whichever backend ran the action.
 *
 * <p>Public API for everyone; depends only on {@code secrets} and the shared {@code names} rules, so that
 * every other package can throw them.
 */
package io.synapse.plugins.errors;
