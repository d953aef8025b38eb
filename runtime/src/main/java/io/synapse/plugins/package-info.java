/**
 * The public API a plugin author and a caller start from: the annotations ({@link io.synapse.plugins.Plugin},
 * {@link io.synapse.plugins.PluginAction}, {@link io.synapse.plugins.Params}, {@link io.synapse.plugins.Default},
 * {@link io.synapse.plugins.Secret}, {@link io.synapse.plugins.WireName}), the vocabulary they use
 * ({@link io.synapse.plugins.ExecutionMode}, {@link io.synapse.plugins.RunMethod},
 * {@link io.synapse.plugins.PluginCategory}, {@link io.synapse.plugins.WireNames}), the options of a run
 * ({@link io.synapse.plugins.RunOptions}) and the entry point {@link io.synapse.plugins.PluginRunner}.
 *
 * <p>For everyone. {@code PluginRunner} is the top of the runtime and may use any of its packages; the
 * other types here are the bottom of the API and use only {@code action}, {@code context}, {@code events},
 * {@code environment}, {@code errors} and {@code internal}, so that every package can name a mode or a
 * category. {@code docs/architecture.md} draws the layers, and {@code RuntimeBoundariesTest} holds them.
 */
package io.synapse.plugins;
