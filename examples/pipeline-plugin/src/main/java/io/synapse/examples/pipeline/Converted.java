package io.synapse.examples.pipeline;

/**
 * What {@code convert} gives.
 *
 * @param datasetDir the converted dataset's directory (with {@code dataset.yaml})
 * @param format the format written
 * @param samples how many samples
 */
public record Converted(String datasetDir, String format, int samples) {}
