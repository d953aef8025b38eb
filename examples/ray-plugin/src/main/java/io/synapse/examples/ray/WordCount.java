package io.synapse.examples.ray;

import java.util.Map;

/**
 * Result of the word-count action.
 *
 * @param counts occurrences per lower-cased word
 * @param total words counted
 */
public record WordCount(Map<String, Integer> counts, int total) {}
