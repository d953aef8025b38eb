package io.synapse.plugins.cli;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The command line keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class CliBoundariesTest extends ModuleBoundariesTest {
  CliBoundariesTest() {
    super();
  }
}
