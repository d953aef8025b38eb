package io.synapse.examples.kits;

/**
 * The ids of a seeded demo platform.
 *
 * @param backend the local backend directory (give it as {@code SYNAPSE_LOCAL_BACKEND})
 * @param storage the storage
 * @param dataCollection the data collection
 * @param project the project
 * @param dataset the ground-truth dataset version
 */
public record SeedIds(String backend, long storage, long dataCollection, long project, long dataset) {}
