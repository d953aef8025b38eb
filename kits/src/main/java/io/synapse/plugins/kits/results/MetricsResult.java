package io.synapse.plugins.kits.results;

import io.synapse.plugins.Params;
import java.util.Map;

/**
 * What an evaluation returns: metrics only.
 *
 * @param metrics metric name to value
 * @param category the metrics category ({@code train}, {@code validation}, {@code test})
 */
@Params
public record MetricsResult(Map<String, Double> metrics, String category) {}
