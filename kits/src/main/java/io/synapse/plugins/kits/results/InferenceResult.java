package io.synapse.plugins.kits.results;

import io.synapse.plugins.Params;
import java.util.List;
import java.util.Map;

/**
 * What an inference returns.
 *
 * @param predictions one result per input
 * @param processedCount how many inputs were processed
 * @param outputPath where the results were saved, or null
 */
@Params
public record InferenceResult(List<Map<String, Object>> predictions, int processedCount, String outputPath) {}
