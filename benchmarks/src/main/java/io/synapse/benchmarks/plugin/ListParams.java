package io.synapse.benchmarks.plugin;

import io.synapse.plugins.Params;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Params for the bind-time curve against list length: a list of records of any length.
 *
 * @param items the items
 */
@Params
public record ListParams(@NotNull List<TrainParams.Item> items) {}
