package com.example.ittools;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test JVM got Ray's jar and flags from synapse:prepare-tests, though this pom names neither. */
class TestJvmTest {
  @Test
  void rayJarAndFlagsAreThere() {
    List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String pkg : List.of("java.lang", "java.util", "java.nio", "java.lang.invoke", "java.lang.reflect")) {
      assertTrue(arguments.contains("--add-opens=java.base/" + pkg + "=ALL-UNNAMED"), arguments::toString);
    }
    assertNotNull(getClass().getClassLoader().getResource("io/ray/runtime/RayNativeRuntime.class"), "ray_dist.jar is on the class path");
    assertTrue(System.getProperty("java.class.path").contains("ray_dist.jar"), "a real class path entry, not a manifest-only jar");
  }
}
