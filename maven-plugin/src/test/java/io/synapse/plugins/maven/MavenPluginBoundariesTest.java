package io.synapse.plugins.maven;

import io.synapse.plugins.architecture.ModuleBoundariesTest;

/** The Maven plugin keeps the boundaries of docs/architecture.md: no other module's internals, spi only through generated code, no package cycles. */
class MavenPluginBoundariesTest extends ModuleBoundariesTest {
  MavenPluginBoundariesTest() {
    super();
  }
}
