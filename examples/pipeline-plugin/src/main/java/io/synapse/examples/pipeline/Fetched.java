package io.synapse.examples.pipeline;

/**
 * What {@code fetch} gives: where the copied files are, and how many files and rows.
 *
 * @param datasetDir the directory of the fetched CSV files
 * @param files how many files
 * @param rows how many data rows
 */
public record Fetched(String datasetDir, int files, int rows) {}
