package io.synapse.plugins.kits.upload;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.NotBlank;

/**
 * Where one file specification's files are in multi-path mode.
 *
 * @param path the directory under the storage's location
 * @param isRecursive whether it is read recursively
 */
@Params
public record AssetPath(@NotBlank String path, @Default("true") boolean isRecursive) {}
