package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceFileGeneratorTest {
  @Test
  void theServiceFileNamesTheRegistryOnOneLineAndComesFromThePluginAndItsActions() {
    Artifact.Resource file = (Artifact.Resource) new ServiceFileGenerator().generate(Models.PLUGIN);
    assertEquals("META-INF/services/io.synapse.plugins.spi.PluginRegistry", file.path());
    assertEquals("com.example.demo.DemoToolsRegistry\n", file.text());
    assertEquals(List.of(Models.PLUGIN.element(), Models.RESIZE.element(), Models.TOUCH.element()), file.origins());
  }
}
