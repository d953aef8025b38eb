package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Params;
import java.util.List;

/**
 * Many inputs of the bind probe at once, so that one job binds them all.
 *
 * @param cases the inputs
 */
@Params
public record BindBatchParams(List<BindProbeParams> cases) {}
