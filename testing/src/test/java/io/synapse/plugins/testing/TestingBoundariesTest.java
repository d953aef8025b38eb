package io.synapse.plugins.testing;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The test kit keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class TestingBoundariesTest extends ModuleBoundariesTest {
  TestingBoundariesTest() {
    super();
  }
}
