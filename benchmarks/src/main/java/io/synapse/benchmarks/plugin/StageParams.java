package io.synapse.benchmarks.plugin;

import io.synapse.plugins.Default;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Params of the benchmark stage.
 *
 * @param inputPath what the stage hashes first (its result passes it on)
 * @param rounds how many 64 KiB SHA-256 rounds
 */
public record StageParams(@NotBlank String inputPath, @Default("0") @Min(0) int rounds) {}
