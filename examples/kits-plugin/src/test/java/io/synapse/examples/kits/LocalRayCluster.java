package io.synapse.examples.kits;

import io.synapse.plugins.executors.ray.RayTaskBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**

 * (A copy of examples/ray-plugin's test harness, which other modules cannot depend on.)
 * A real Ray head on 127.0.0.1, started once per test run with {@code scripts/ray.sh start} (its own
 * state directory under target/) and stopped at the end by its process group. When RAY_ADDRESS is
 * set, that cluster is used instead and left running.
 */
public final class LocalRayCluster implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    Head head = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Head.class, key -> Head.start(), Head.class);
    address = head.address;
    dashboard = head.dashboard;
  }

  private static volatile String address;
  private static volatile String dashboard;

  /** The address of the head of this test run (after the extension ran). */
  public static String address() {
    if (address == null) {
      throw new IllegalStateException("no Ray head: annotate the test class with @ExtendWith(LocalRayCluster.class)");
    }
    return address;
  }

  /**
   * The dashboard URL of the head of this test run (after the extension ran); for an external cluster
   * (RAY_ADDRESS), SYNAPSE_RAY_DASHBOARD or Ray's default.
   */
  public static String dashboardUrl() {
    if (dashboard == null) {
      throw new IllegalStateException("no Ray head: annotate the test class with @ExtendWith(LocalRayCluster.class)");
    }
    return dashboard;
  }

  static final class Head implements ExtensionContext.Store.CloseableResource {
    final String address;
    final String dashboard;
    final boolean ours;

    private Head(String address, String dashboard, boolean ours) {
      this.address = address;
      this.dashboard = dashboard;
      this.ours = ours;
    }

    static Head start() {
      requireRayRuntime();
      String external = System.getenv("RAY_ADDRESS");
      if (external != null && !external.isBlank()) {
        String dashboard = System.getenv("SYNAPSE_RAY_DASHBOARD");
        return new Head(external, dashboard == null || dashboard.isBlank() ? "http://127.0.0.1:8265" : dashboard, false);
      }
      run("start");
      try {
        String address = Files.readString(state().resolve("address"), StandardCharsets.UTF_8).trim();
        String dashboard = Files.readString(state().resolve("dashboard"), StandardCharsets.UTF_8).trim();
        return new Head(address, dashboard, true);
      } catch (IOException e) {
        throw new IllegalStateException("ray.sh start wrote no address under " + state(), e);
      }
    }

    @Override
    public void close() {
      TrialPools.closeAll();
      RayTaskBackend.shutdownAll();
      if (ours) {
        run("stop");
      }
    }

    private static void requireRayRuntime() {
      try {
        Class.forName("io.ray.runtime.RayNativeRuntime");
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Ray's Java runtime (" + System.getProperty("synapse.ray.jar")
            + ") is not on the test class path: run scripts/ray.sh install first", e);
      }
    }

    private static Path state() {
      return Path.of(System.getProperty("synapse.ray.state", "target/ray-state"));
    }

    private static void run(String command) {
      String script = System.getProperty("synapse.ray.script", "../../scripts/ray.sh");
      ProcessBuilder builder = new ProcessBuilder("bash", script, command).inheritIO();
      builder.environment().put("SYNAPSE_RAY_STATE", state().toAbsolutePath().toString());
      try {
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
          process.destroyForcibly();
          throw new IllegalStateException("scripts/ray.sh " + command + " failed; see its output above");
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot run scripts/ray.sh " + command, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running scripts/ray.sh " + command, e);
      }
    }
  }
}
