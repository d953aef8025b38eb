package io.synapse.examples.hello;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.util.List;

/**
 * Parameters for the count-lines action.
 *
 * @param file the text file to read
 * @param skipPrefixes lines starting with any of these are not counted (comments)
 */
@Params
public record LineCountParams(
    @NotNull Path file,
    @Default("[\"#\"]") @Size(max = 10) List<String> skipPrefixes) {}
