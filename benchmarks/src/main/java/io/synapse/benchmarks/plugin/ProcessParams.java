package io.synapse.benchmarks.plugin;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The tutorial's params.
 *
 * @param inputPath path to the input file
 * @param outputPath path to the output file
 * @param batchSize items per batch
 * @param verbose log every processed item
 */
@Params
public record ProcessParams(
    @NotBlank String inputPath,
    String outputPath,
    @Default("32") @Min(1) @Max(1024) int batchSize,
    @Default("false") boolean verbose) {}
