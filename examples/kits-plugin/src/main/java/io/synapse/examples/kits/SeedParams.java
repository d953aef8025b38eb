package io.synapse.examples.kits;

import io.synapse.plugins.Params;
import jakarta.validation.constraints.NotBlank;

/**
 * Params of the seed action.
 *
 * @param dir the directory to seed: the backend goes to {@code dir/backend}, the storage to {@code dir/storage}
 */
@Params
public record SeedParams(@NotBlank String dir) {}
