package io.synapse.conformance;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The conformance tests keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class ConformanceBoundariesTest extends ModuleBoundariesTest {
  ConformanceBoundariesTest() {
    super();
  }
}
