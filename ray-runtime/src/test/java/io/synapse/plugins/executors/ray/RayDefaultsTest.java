package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one rule for where the cluster is, and that the Java API follows it from the real environment. */
class RayDefaultsTest {
  private static RayDefaults defaults(Map<String, String> env, Map<String, String> properties) {
    return RayDefaults.of(env::get, properties::get);
  }

  @Test
  void addressIsGivenThenPropertyThenRayAddressUnlessAUrl() {
    Map<String, String> env = Map.of("RAY_ADDRESS", "10.0.0.1:6379");
    assertEquals(Optional.of("10.0.0.2:6379"), defaults(env, Map.of("ray.address", "10.0.0.3:6379")).address("10.0.0.2:6379"));
    assertEquals(Optional.of("10.0.0.3:6379"), defaults(env, Map.of("ray.address", "10.0.0.3:6379")).address(null));
    assertEquals(Optional.of("10.0.0.1:6379"), defaults(env, Map.of("ray.address", " ")).address(""));
    assertEquals(Optional.empty(), defaults(Map.of("RAY_ADDRESS", "http://10.0.0.1:8265"), Map.of()).address(null));
    assertEquals(Optional.empty(), defaults(Map.of("RAY_ADDRESS", " HTTPS://ray.example"), Map.of()).address(null));
    assertEquals(Optional.empty(), defaults(Map.of("RAY_ADDRESS", ""), Map.of()).address(null));
    assertEquals(Optional.empty(), defaults(Map.of(), Map.of()).address(null));
  }

  @Test
  void dashboardIsGivenThenSynapseRayDashboardThenAnHttpRayAddress() {
    Map<String, String> both = Map.of("SYNAPSE_RAY_DASHBOARD", "http://a:8265", "RAY_ADDRESS", "http://b:8265");
    assertEquals(Optional.of("http://c:8265"), defaults(both, Map.of()).dashboardUrl("http://c:8265"));
    assertEquals(Optional.of("http://a:8265"), defaults(both, Map.of()).dashboardUrl(null));
    assertEquals(Optional.of("http://b:8265"), defaults(Map.of("RAY_ADDRESS", "http://b:8265", "SYNAPSE_RAY_DASHBOARD", " "), Map.of()).dashboardUrl(null));
    assertEquals(Optional.empty(), defaults(Map.of("RAY_ADDRESS", "10.0.0.1:6379"), Map.of()).dashboardUrl(null));
    assertEquals(RayJobExecutor.DEFAULT_DASHBOARD_URL, defaults(Map.of("RAY_ADDRESS", "10.0.0.1:6379"), Map.of()).jobDashboardUrl(null));
    assertEquals("http://a:8265", defaults(both, Map.of()).jobDashboardUrl(""));
  }

  @Test
  void aDashboardUrlInRayAddressIsNamedWhenTheAddressIsMissing() {
    assertTrue(defaults(Map.of("RAY_ADDRESS", "http://b:8265"), Map.of()).missingAddressReason().contains("RAY_ADDRESS holds a dashboard URL"));
    assertEquals("No Ray cluster address", defaults(Map.of(), Map.of()).missingAddressReason());
  }

  @Test
  void theJavaApiReadsTheEnvironmentOfScriptsRayShEnv() throws Exception {
    assertEquals(List.of("job=http://127.0.0.1:18265", "task=127.0.0.1:16379 http://127.0.0.1:18265"),
        probe(Map.of("SYNAPSE_RAY_DASHBOARD", "http://127.0.0.1:18265", "RAY_ADDRESS", "127.0.0.1:16379"), List.of()));
    assertEquals(List.of("job=http://127.0.0.1:28265", "task=127.0.0.1:36379 http://127.0.0.1:28265"),
        probe(Map.of("SYNAPSE_RAY_DASHBOARD", "http://127.0.0.1:28265", "RAY_ADDRESS", "127.0.0.1:16379"),
            List.of("-Dray.address=127.0.0.1:36379")));
    List<String> urlOnly = probe(Map.of("RAY_ADDRESS", "http://127.0.0.1:38265"), List.of());
    assertEquals("job=http://127.0.0.1:38265", urlOnly.get(0));
    assertTrue(urlOnly.get(1).startsWith("task error ray_unavailable: No Ray cluster address: RAY_ADDRESS holds a dashboard URL"), urlOnly.get(1));
    List<String> none = probe(Map.of(), List.of());
    assertEquals("job=" + RayJobExecutor.DEFAULT_DASHBOARD_URL, none.get(0));
    assertTrue(none.get(1).startsWith("task error ray_unavailable: No Ray cluster address: give RayActorExecutor.builder().address("), none.get(1));
  }

  // Runs EnvDefaultsProbe with exactly these of the two variables set.
  private static List<String> probe(Map<String, String> env, List<String> jvmOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EnvDefaultsProbe.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.remove("RAY_ADDRESS");
    environment.remove("SYNAPSE_RAY_DASHBOARD");
    environment.putAll(new HashMap<>(env));
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe ends");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);
    return text.lines().filter(line -> line.startsWith("job=") || line.startsWith("task")).toList();
  }
}
