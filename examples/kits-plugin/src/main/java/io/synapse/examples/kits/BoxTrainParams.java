package io.synapse.examples.kits;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import io.synapse.plugins.kits.train.TrainParams;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;

/**
 * Params of the box-size training.
 *
 * @param dataset the ground-truth dataset version to train on
 * @param checkpoint a model to start from
 * @param hyperparameters hyperparameter sets ({@code smoothing}); several run as trials
 * @param name the model name base
 * @param epochs passes over the labels
 */
@Params
public record BoxTrainParams(Long dataset, Long checkpoint, List<Map<String, Object>> hyperparameters, String name,
    @Default("3") @Min(1) @Max(100) int epochs) implements TrainParams {}
