package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.Params;

/**
 * What the add-task-data kit sends a pre-processor by default.
 *
 * @param model the model
 * @param url the primary file
 * @param name its name
 */
@Params
public record PreProcessorParams(Long model, String url, String name) {}
