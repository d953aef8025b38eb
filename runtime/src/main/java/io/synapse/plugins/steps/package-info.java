/**
 * Step workflows: an action's work as ordered {@link io.synapse.plugins.steps.Step steps} sharing a
 * {@link io.synapse.plugins.steps.StepContext}, run by an {@link io.synapse.plugins.steps.Orchestrator}
 * that reports weighted overall progress and rolls back the steps that ran when one fails. Actions use
 * them through {@link io.synapse.plugins.action.StepAction}.
 */
package io.synapse.plugins.steps;
