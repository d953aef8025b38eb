package io.synapse.examples.pipeline;

import io.synapse.plugins.Default;
import jakarta.validation.constraints.NotBlank;

/**
 * Params of {@code convert}.
 *
 * @param datasetDir the directory of CSV files to convert
 * @param targetFormat the format to write (only {@code yolo})
 */
public record ConvertParams(@NotBlank String datasetDir, @Default("yolo") String targetFormat) {}
