/**
 * Actions: {@link io.synapse.plugins.action.BaseAction} (extended by every {@code @PluginAction} class),
 * {@link io.synapse.plugins.action.StepAction} (an action made of steps) and
 * {@link io.synapse.plugins.action.NoParams}, with its hand-written binder in the shape generated ones have.
 *
 * <p>Public API for plugin authors. {@link io.synapse.plugins.action.ActionAccess} is the one hook here
 * that is not for them: executors call it to give a new action its params and context.
 */
package io.synapse.plugins.action;
