package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Params;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Parameters of the gate action.
 *
 * @param gate the file whose appearance lets the action go on after its first step
 * @param steps how many progress steps it reports
 * @param failAtEnd whether it throws after the last step (events must still come first)
 */
@Params
public record GateParams(@NotBlank String gate, @Min(2) int steps, boolean failAtEnd) {}
