package io.synapse.examples.hello;

/**
 * Result of the count-lines action.
 *
 * @param file the file read
 * @param lines lines counted
 * @param skipped lines skipped
 */
public record LineCount(String file, long lines, long skipped) {}
