package io.synapse.benchmarks.plugin;

/**
 * Result of the benchmark stage.
 *
 * @param inputPath passed on to the next stage
 * @param digest the first bytes of the last hash, in hex
 */
public record StageResult(String inputPath, String digest) {}
