package io.synapse.examples.steps;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The steps example keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class StepsBoundariesTest extends ModuleBoundariesTest {
  StepsBoundariesTest() {
    super();
  }
}
