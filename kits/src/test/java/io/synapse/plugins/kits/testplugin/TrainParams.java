package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;

/**
 * Train params of the test plugin.
 *
 * @param dataset the dataset version
 * @param checkpoint a model to resume from
 * @param hyperparameters hyperparameter sets
 * @param name the model name base
 * @param epochs epochs to run
 */
@Params
public record TrainParams(Long dataset, Long checkpoint, List<Map<String, Object>> hyperparameters, String name,
    @Default("2") @Min(1) int epochs) implements io.synapse.plugins.kits.train.TrainParams {}
