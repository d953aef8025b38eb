package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeImageConfigGeneratorTest {
  @Test
  void theResourceConfigKeepsThePluginsResourcesAndTheServiceFile() {
    Artifact artifact = new NativeImageConfigGenerator().generate(Models.PLUGIN);
    assertEquals("META-INF/native-image/io.synapse.plugins/demo_tools/resource-config.json", artifact.name());
    assertEquals("""
        {
          "resources": {
            "includes": [
              {
                "pattern": "\\\\QMETA-INF/synapse/demo_tools/\\\\E.*"
              },
              {
                "pattern": "\\\\QMETA-INF/services/io.synapse.plugins.spi.PluginRegistry\\\\E"
              }
            ]
          }
        }
        """, Models.text(artifact));
  }
}
