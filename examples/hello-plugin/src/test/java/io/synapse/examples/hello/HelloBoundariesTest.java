package io.synapse.examples.hello;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The hello example keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class HelloBoundariesTest extends ModuleBoundariesTest {
  HelloBoundariesTest() {
    super();
  }
}
