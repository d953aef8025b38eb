package io.synapse.plugins.kits.client;

/**
 * A version of a ground-truth dataset.
 *
 * @param id the version id (what train and dataset params call {@code dataset})
 * @param name its name, or null
 * @param dataset the ground-truth dataset it belongs to, or null
 */
public record GroundTruthVersion(long id, String name, Long dataset) {}
