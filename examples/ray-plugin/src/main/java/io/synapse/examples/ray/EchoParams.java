package io.synapse.examples.ray;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Parameters of the echo action.
 *
 * @param message the text sent back
 * @param sleepMillis how long to hold the worker before answering
 * @param fail when true the action throws instead of answering
 */
@Params
public record EchoParams(String message, @Default("0") @PositiveOrZero @Max(600000) long sleepMillis,
    @Default("false") boolean fail) {}
