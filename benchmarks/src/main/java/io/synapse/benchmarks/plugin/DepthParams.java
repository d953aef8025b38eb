package io.synapse.benchmarks.plugin;

import io.synapse.plugins.Params;
import jakarta.validation.constraints.NotBlank;

/**
 * Params for the bind-time curve against nesting depth: a chain of nodes, each holding the next.
 *
 * @param root the first node
 */
@Params
public record DepthParams(Node root) {
  /**
   * One node of the chain.
   *
   * @param name its name
   * @param next the next node, absent at the end
   */
  public record Node(@NotBlank String name, Node next) {}
}
