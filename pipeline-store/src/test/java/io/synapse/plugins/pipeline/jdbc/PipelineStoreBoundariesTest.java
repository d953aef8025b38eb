package io.synapse.plugins.pipeline.jdbc;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The JDBC run store keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class PipelineStoreBoundariesTest extends ModuleBoundariesTest {
  PipelineStoreBoundariesTest() {
    super();
  }
}
