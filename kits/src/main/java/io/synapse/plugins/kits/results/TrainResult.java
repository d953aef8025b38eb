package io.synapse.plugins.kits.results;

import io.synapse.plugins.Params;
import java.util.Map;

/**
 * What a training returns: its weights and final metrics.
 *
 * @param weightsPath the trained weights (a file or a directory); the train kit uploads it as the model
 * @param finalEpoch the last completed epoch
 * @param bestEpoch the best epoch by the validation metric, or null
 * @param trainMetrics the final training metrics
 * @param valMetrics the final validation metrics
 */
@Params
public record TrainResult(String weightsPath, int finalEpoch, Integer bestEpoch, Map<String, Double> trainMetrics,
    Map<String, Double> valMetrics) {}
