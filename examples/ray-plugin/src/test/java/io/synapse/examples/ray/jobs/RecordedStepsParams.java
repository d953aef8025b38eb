package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Parameters of the recorded steps action.
 *
 * @param record the file each step and rollback appends a line to
 * @param steps how many steps
 * @param stepMillis how long each step works (sleeping, so that an interrupt ends it)
 * @param ignoreCancel whether the steps ignore interrupts and cancellation (and so must be stopped by force)
 */
@Params
public record RecordedStepsParams(@NotBlank String record, @Min(1) int steps, @Default("500") long stepMillis,
    @Default("false") boolean ignoreCancel) {}
