package io.synapse.plugins.opentelemetry;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The OpenTelemetry integration keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class OpenTelemetryBoundariesTest extends ModuleBoundariesTest {
  OpenTelemetryBoundariesTest() {
    super();
  }
}
