package io.synapse.examples.pipeline;

import io.synapse.plugins.Default;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Params of {@code train}.
 *
 * @param datasetDir the YOLO-style dataset to train on
 * @param epochs how many passes over the samples
 * @param learningRate the gradient step
 */
public record TrainParams(@NotBlank String datasetDir, @Default("300") @Min(1) @Max(100000) int epochs,
    @Default("0.5") @DecimalMin("0.000001") double learningRate) {}
