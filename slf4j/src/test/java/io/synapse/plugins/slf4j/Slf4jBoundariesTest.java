package io.synapse.plugins.slf4j;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The SLF4J integration keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class Slf4jBoundariesTest extends ModuleBoundariesTest {
  Slf4jBoundariesTest() {
    super();
  }
}
