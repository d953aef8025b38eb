package io.synapse.plugins.cli.hostile;

import java.util.List;

/**
 * A result that is small in memory but large when printed: the same line many times.
 *
 * @param lines the lines
 */
public record FloodResult(List<String> lines) {}
