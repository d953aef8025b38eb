package io.synapse.plugins.kits.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the train kit hands to {@link BaseTrainAction#train}.
 *
 * @param dataPath the dataset: the converted dataset's config file ({@code detect/dataset.yaml} for
 *     YOLO) when the kit converts, else the downloaded DM v2 directory; null without a dataset
 * @param datasetDir the dataset directory (converted or downloaded), or null
 * @param checkpoint the model to resume from, or null
 * @param hyperparameters this run's hyperparameter set (empty when none were given)
 * @param workDir a fresh directory for the run's outputs; removed when a later step fails
 * @param context the workflow context: report progress in the {@code train} category with
 *     {@code context.setProgress(epoch, epochs)} and metrics with {@code context.setMetrics(...)}
 */
public record TrainInput(Path dataPath, Path datasetDir, Checkpoint checkpoint, Map<String, Object> hyperparameters,
    Path workDir, TrainContext context) {}
