/**
 * Pipelines: a plugin's actions run one after another as one recorded run ({@link
 * io.synapse.plugins.pipeline.Pipeline}, built from an {@code @PluginPipeline} or at run time and checked
 * the same way by {@code PipelineChecks}), each action's result feeding the next one's params, LOCAL, on
 * the TASK pool or as Ray Jobs; {@link io.synapse.plugins.pipeline.Pipelines} starts, resumes, cancels and
 * waits for runs, and {@link io.synapse.plugins.pipeline.RunWatcher} follows one.
 *
 * <p>Public API for callers (and for the generated facades' {@code <name>Pipeline} methods). It sits above
 * the executors and discovery, which it uses; the JOB entrypoint of a whole pipeline,
 * {@code executors.remote.PipelineJobMain}, and {@code PluginRunner} sit above it. What an action sees of
 * its pipeline run is {@code context.PipelineContext}; what a run store records is
 * {@code pipeline.store}.
 */
package io.synapse.plugins.pipeline;
