package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Parameters of the flood action.
 *
 * @param count how many progress reports it makes
 */
@Params
public record FloodParams(@Min(1) @Max(10_000_000) int count) {}
