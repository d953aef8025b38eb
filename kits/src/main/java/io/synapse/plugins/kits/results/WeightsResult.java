package io.synapse.plugins.kits.results;

import io.synapse.plugins.Params;
import java.util.List;

/**
 * What an action that produces model weights returns.
 *
 * @param weightsPath the best or final weights
 * @param checkpointPaths intermediate checkpoints
 * @param format the weights format ({@code pt}, {@code onnx}, {@code safetensors}, ...)
 */
@Params
public record WeightsResult(String weightsPath, List<String> checkpointPaths, String format) {}
