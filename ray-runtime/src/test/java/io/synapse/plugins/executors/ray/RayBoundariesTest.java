package io.synapse.plugins.executors.ray;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The Ray backends module keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class RayBoundariesTest extends ModuleBoundariesTest {
  RayBoundariesTest() {
    super();
  }
}
