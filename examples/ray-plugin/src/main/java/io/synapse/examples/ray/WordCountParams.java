package io.synapse.examples.ray;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * Parameters of the word-count action.
 *
 * @param lines the text to count, one string per line
 * @param minLength words shorter than this are ignored
 */
@Params
public record WordCountParams(@NotEmpty List<String> lines, @Default("1") @Min(1) int minLength) {}
