package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.Params;
import java.util.List;
import java.util.Map;

/**
 * Inference params of the test plugin.
 *
 * @param model the model
 * @param inputs the inputs
 * @param outputPath where to write the predictions
 */
@Params
public record InferParams(Long model, List<Map<String, Object>> inputs, String outputPath)
    implements io.synapse.plugins.kits.inference.InferenceRequest {}
