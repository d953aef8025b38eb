package io.synapse.plugins.console;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The console keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class ConsoleBoundariesTest extends ModuleBoundariesTest {
  ConsoleBoundariesTest() {
    super();
  }
}
