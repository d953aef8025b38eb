/**
 * The kits example: a box-size model trained on a YOLO conversion of a ground-truth dataset, an export
 * and an upload, all on the kits, running against the local backend (or a Synapse backend when
 * {@code SYNAPSE_HOST} and {@code SYNAPSE_ACCESS_TOKEN} are set).
 */
@Plugin(code = "kits_demo", name = "Kits Demo", version = "0.1.0", category = PluginCategory.NEURAL_NET,
    description = "Train, export and upload on the specialized action kits")
package io.synapse.examples.kits;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
