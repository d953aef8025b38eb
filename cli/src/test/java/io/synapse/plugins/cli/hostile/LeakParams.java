package io.synapse.plugins.cli.hostile;

import io.synapse.plugins.Params;
import io.synapse.plugins.Secret;

/**
 * Params of the misbehaving actions.
 *
 * @param token a secret the action leaks
 * @param kind how the explode action fails
 */
@Params
public record LeakParams(@Secret String token, String kind) {
  @Override
  public String toString() {
    return "LeakParams[kind=" + kind + "]";
  }
}
