package io.synapse.examples.pipeline;

/**
 * What {@code train} gives.
 *
 * @param modelPath the weights file ({@code weights.json})
 * @param weight the fitted slope
 * @param bias the fitted intercept
 * @param loss the mean squared error after the last epoch
 * @param epochs how many epochs ran
 */
public record Trained(String modelPath, double weight, double bias, double loss, int epochs) {}
