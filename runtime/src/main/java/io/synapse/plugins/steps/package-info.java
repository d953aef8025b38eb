/**
 * Step workflows: an action's work as ordered {@link io.synapse.plugins.steps.Step steps} sharing a
 * {@link io.synapse.plugins.steps.StepContext}, run by an {@link io.synapse.plugins.steps.Orchestrator}
 * that reports weighted overall progress and rolls back the steps that ran when one fails. Actions use
 * them through {@link io.synapse.plugins.action.StepAction}.
 *
 * <p>Public API for plugin authors. Each step's start and end are reported to run observation
 * ({@code io.synapse.plugins.observation}); nothing here knows the executors.
 */
package io.synapse.plugins.steps;
