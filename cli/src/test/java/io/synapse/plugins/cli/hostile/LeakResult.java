package io.synapse.plugins.cli.hostile;

/**
 * What the leak action returns: its secret, quoted.
 *
 * @param status done
 * @param seen a text quoting the secret
 */
public record LeakResult(String status, String seen) {}
