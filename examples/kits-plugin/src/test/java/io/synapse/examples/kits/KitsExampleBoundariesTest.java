package io.synapse.examples.kits;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The kits example keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class KitsExampleBoundariesTest extends ModuleBoundariesTest {
  KitsExampleBoundariesTest() {
    super();
  }
}
