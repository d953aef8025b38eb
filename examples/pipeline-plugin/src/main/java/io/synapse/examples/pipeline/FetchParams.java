package io.synapse.examples.pipeline;

import io.synapse.plugins.Default;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Params of {@code fetch}.
 *
 * @param sourceDir the directory holding the CSV files ({@code x,y,label} lines)
 * @param pattern which files to take
 */
public record FetchParams(@NotNull Path sourceDir, @Default("*.csv") String pattern) {}
