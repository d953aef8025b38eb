package io.synapse.examples.ray.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A two-node Ray cluster that shares nothing with the driver's files, started once per test run with
 * {@code scripts/ray-cluster.sh start} and stopped at the end ({@code stop}: the nodes by process group,
 * what is left in the cluster's network namespace, then the namespace by its name). Drivers run in the
 * cluster's network namespace through {@link #driver}. When this machine cannot run it (not root, no
 * {@code unshare} or {@code ip netns}), the tests fail with the reason the script gives.
 */
public final class TwoNodeCluster implements BeforeAllCallback {
  private static volatile Cluster cluster;

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(), Cluster.class);
  }

  /** The running cluster (after the extension ran). */
  public static Cluster get() {
    if (cluster == null) {
      throw new IllegalStateException("no cluster: annotate the test class with @ExtendWith(TwoNodeCluster.class)");
    }
    return cluster;
  }

  /** What a command run in the cluster's network namespace did. */
  public record Outcome(int exitCode, String out, String err) {}

  /** The started cluster: its addresses, the mount namespace of each node, and a way to run drivers next to it. */
  public static final class Cluster implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Path state;
    final String address;
    final String dashboard;
    final String headNamespace;
    final String workerNamespace;
    final List<String> hidden;

    private Cluster(Path state) throws IOException {
      this.state = state;
      this.address = read("address");
      this.dashboard = read("dashboard");
      this.headNamespace = read("head.mntns");
      this.workerNamespace = read("worker.mntns");
      this.hidden = Files.readAllLines(state.resolve("hidden"), StandardCharsets.UTF_8);
    }

    private String read(String name) throws IOException {
      return Files.readString(state.resolve(name), StandardCharsets.UTF_8).trim();
    }

    static Cluster start() {
      Path state = state();
      Outcome started = script(List.of("start"), 300);
      if (started.exitCode() != 0) {
        throw new IllegalStateException("scripts/ray-cluster.sh start failed (exit " + started.exitCode() + "): " + started.err().strip()
            + "\n" + started.out());
      }
      try {
        return new Cluster(state);
      } catch (IOException e) {
        throw new IllegalStateException("scripts/ray-cluster.sh start left no state under " + state, e);
      }
    }

    /** Runs {@code command} in the cluster's network namespace (from the repository root) and waits for it. */
    public Outcome run(List<String> command, int timeoutSeconds) {
      List<String> args = new ArrayList<>(List.of("exec"));
      args.addAll(command);
      return script(args, timeoutSeconds);
    }

    /** Runs the driver main class {@code main} with {@code args} in a JVM on the cluster's network, with this test's class path. */
    public Outcome driver(Class<?> main, List<String> args, int timeoutSeconds) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(io.synapse.plugins.executors.ray.RayActorExecutor.driverJvmFlags());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(main.getName());
      command.addAll(args);
      return run(command, timeoutSeconds);
    }

    @Override
    public void close() {
      Outcome stopped = script(List.of("stop"), 180);
      if (stopped.exitCode() != 0) {
        throw new IllegalStateException("scripts/ray-cluster.sh stop failed: " + stopped.err());
      }
    }
  }

  private static Path state() {
    return Path.of(System.getProperty("synapse.cluster.state", "target/ray-cluster-state")).toAbsolutePath();
  }

  private static Outcome script(List<String> args, int timeoutSeconds) {
    Path script = Path.of(System.getProperty("synapse.cluster.script", "../../scripts/ray-cluster.sh")).toAbsolutePath();
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(script.getParent().getParent().toFile());
    Map<String, String> env = builder.environment();
    env.put("SYNAPSE_CLUSTER_STATE", state().toString());
    String repository = System.getProperty("synapse.maven.repo");
    if (repository != null && !repository.isBlank()) {
      // The Maven repository this build uses is hidden from the nodes too, whatever MAVEN_OPTS says.
      env.put("SYNAPSE_HIDE", repository);
    }
    try {
      Path out = Files.createTempFile("ray-cluster", ".out");
      Path err = Files.createTempFile("ray-cluster", ".err");
      try {
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          return new Outcome(-1, Files.readString(out), "timed out after " + timeoutSeconds + " s\n" + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
