package io.synapse.examples.ray;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The Ray example keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class RayExampleBoundariesTest extends ModuleBoundariesTest {
  RayExampleBoundariesTest() {
    super();
  }
}
