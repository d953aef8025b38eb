package io.synapse.plugins.kits.architecture;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The kits module keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class KitsBoundariesTest extends ModuleBoundariesTest {
  KitsBoundariesTest() {
    super("io.synapse.plugins.kits.internal");
  }
}
