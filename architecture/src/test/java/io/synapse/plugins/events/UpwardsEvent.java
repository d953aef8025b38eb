package io.synapse.plugins.events;

import io.synapse.plugins.errors.Failure;

/** A lower layer depending on a higher one: what the layering refuses (and a cycle with errors). */
public record UpwardsEvent(Failure failure) {}
