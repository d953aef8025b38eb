package io.synapse.plugins.cli.hostile;

import io.synapse.plugins.Params;

/**
 * Params of the flood action.
 *
 * @param lines how many lines the result holds
 */
@Params
public record FloodParams(int lines) {}
