package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Params;
import jakarta.validation.constraints.NotBlank;

/**
 * Parameters of the halt action.
 *
 * @param record the file each attempt appends its worker's process id to
 */
@Params
public record HaltParams(@NotBlank String record) {}
