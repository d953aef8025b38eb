package io.synapse.benchmarks.plugin;

/**
 * The tutorial's result.
 *
 * @param status completed when every item was processed
 * @param outputPath where the output went
 * @param itemsProcessed how many items were processed
 */
public record ProcessResult(String status, String outputPath, int itemsProcessed) {}
