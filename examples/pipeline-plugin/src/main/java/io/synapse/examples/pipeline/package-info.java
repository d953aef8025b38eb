/**
 * A plugin with a three-action pipeline on local files: {@code fetch} copies CSV files into the run's
 * dataset folder, {@code convert} turns them into a YOLO-style dataset (labels and a dataset.yaml), and
 * {@code train} fits a small linear model to them and writes its weights.
 */
@Plugin(code = "pipeline_demo", name = "Pipeline Demo", version = "0.1.0", category = PluginCategory.CUSTOM,
    description = "Fetch, convert and train on local CSV files")
@PluginPipeline(name = "train_flow", actions = {"fetch", "convert", "train"}, title = "Train flow",
    description = "Fetches CSV files, converts them to a YOLO-style dataset and trains a linear model")
package io.synapse.examples.pipeline;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.PluginPipeline;
