package io.synapse.examples.pipeline;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The pipeline example keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class PipelineExampleBoundariesTest extends ModuleBoundariesTest {
  PipelineExampleBoundariesTest() {
    super();
  }
}
