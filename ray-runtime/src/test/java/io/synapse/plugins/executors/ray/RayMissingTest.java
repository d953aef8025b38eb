package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.executors.ray.noray.NoRayProbe;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code RayActorExecutor.builder().build()} in a JVM whose class path lacks Ray's jars (ray-api and
 * ray_dist.jar) fails with the typed {@code ray_unavailable} error, not a raw {@code NoClassDefFoundError}.
 */
class RayMissingTest {

  @Test
  void buildingAPoolWithoutRaysJarIsRayUnavailable() throws Exception {
    for (List<String> args : List.of(List.of("127.0.0.1:1"), List.<String>of())) {
      String out = runWithoutRay(args);
      assertTrue(out.startsWith("ERROR PluginError ray_unavailable Ray's Java runtime is not on the class path: add ray_dist.jar"),
          args + ": " + out);
    }
  }

  private static String runWithoutRay(List<String> args) throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !looksLikeRay(entry))
        .collect(Collectors.joining(File.pathSeparator));
    assertTrue(classPath.contains("synapse-plugins-runtime") || classPath.contains("runtime" + File.separator + "target"),
        "the child's class path has the runtime: " + classPath);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, NoRayProbe.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("RAY_ADDRESS");
    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe ends");
    String out = new String(bytes, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    return out.strip();
  }

  private static boolean looksLikeRay(String entry) {
    String name = Path.of(entry).getFileName().toString();
    return name.startsWith("ray-api") || name.startsWith("ray-runtime-") || name.startsWith("ray_dist") || entry.contains(File.separator + "io" + File.separator + "ray" + File.separator);
  }
}
