package io.synapse.plugins.testing.ray;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.executors.ray.RayInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Ray head node of its own on 127.0.0.1, the way {@code scripts/ray.sh start} makes one: every port it
 * listens on is picked free (so heads of parallel builds never clash), it runs in a session of its own
 * ({@code setsid}), and {@link #close()} ends exactly that process group and nothing else. Ray is found
 * with {@link RayInstallation#find()}.
 *
 * <pre>{@code
 * try (LocalRayHead head = LocalRayHead.start(LocalRayHead.Settings.defaults())) {
 *   RayActorExecutor.builder().address(head.info().address()) ...
 * }
 * }</pre>
 */
public final class LocalRayHead implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final RayHead info;
  private final Process process;
  private final ProcessGroup group;
  private final Path log;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private LocalRayHead(RayHead info, Process process, Path log) {
    this.info = info;
    this.process = process;
    this.group = new ProcessGroup(process.pid());
    this.log = log;
    // A test JVM that exits without closing the head (System.exit, a killed fork) must not leave it running.
    this.shutdownHook = new Thread(this::stopQuietly, "synapse-ray-head-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * How to start a head.
   *
   * @param numCpus the CPUs the head offers to tasks and actors
   * @param dashboardPort the dashboard's port, or 0 to pick a free one (a fixed port lets a test start a head
   *     again at the same URL)
   * @param stateDirectory where the head's log goes
   * @param startTimeout how long the head may take to come up
   * @param ray the Ray installation to run
   */
  public record Settings(int numCpus, int dashboardPort, Path stateDirectory, Duration startTimeout, RayInstallation ray) {
    /** Checks the values. */
    public Settings {
      if (numCpus < 1) {
        throw new IllegalArgumentException("numCpus must be at least 1, got " + numCpus);
      }
      if (dashboardPort < 0 || dashboardPort > 65_535) {
        throw new IllegalArgumentException("dashboardPort must be 0 (any free port) or a port number, got " + dashboardPort);
      }
      Objects.requireNonNull(stateDirectory, "stateDirectory");
      Objects.requireNonNull(startTimeout, "startTimeout");
      Objects.requireNonNull(ray, "ray");
    }

    /**
     * 4 CPUs ({@code synapse.ray.numCpus}), a free dashboard port, the log under {@code target/synapse-ray-head}
     * ({@code synapse.ray.state}), 180 s to start ({@code synapse.ray.startTimeoutSeconds}) and Ray as
     * {@link RayInstallation#find()} finds it.
     *
     * @throws ConfigError when Ray is not installed, naming where it looked
     */
    public static Settings defaults() {
      return new Settings(Integer.getInteger("synapse.ray.numCpus", 4), 0,
          Path.of(System.getProperty("synapse.ray.state", "target/synapse-ray-head")),
          Duration.ofSeconds(Long.getLong("synapse.ray.startTimeoutSeconds", 180)),
          RayInstallation.find());
    }

    /** These settings with {@code cpus} CPUs. */
    public Settings withNumCpus(int cpus) {
      return new Settings(cpus, dashboardPort, stateDirectory, startTimeout, ray);
    }

    /** These settings with the dashboard on {@code port} (0: a free one). */
    public Settings withDashboardPort(int port) {
      return new Settings(numCpus, port, stateDirectory, startTimeout, ray);
    }

    /** These settings with the log in {@code directory}. */
    public Settings withStateDirectory(Path directory) {
      return new Settings(numCpus, dashboardPort, directory, startTimeout, ray);
    }
  }

  /**
   * Starts a head and waits until it accepts drivers.
   *
   * @throws ConfigError when {@code setsid} is missing or the head does not come up (with its log's tail)
   */
  public static LocalRayHead start(Settings settings) {
    try {
      Files.createDirectories(settings.stateDirectory());
      Path log = Files.createTempFile(settings.stateDirectory(), "head-", ".log");
      int port = freePort();
      int dashboardPort = settings.dashboardPort() > 0 ? settings.dashboardPort() : freePort();
      List<String> command = new ArrayList<>(List.of(setsid(), settings.ray().rayExecutable().toString(),
          "start", "--head", "--block",
          "--node-ip-address=127.0.0.1", "--port=" + port,
          "--dashboard-host=127.0.0.1", "--dashboard-port=" + dashboardPort,
          "--dashboard-agent-listen-port=" + freePort(), "--dashboard-agent-grpc-port=" + freePort(),
          "--metrics-export-port=" + freePort(), "--ray-client-server-port=" + freePort(),
          "--runtime-env-agent-port=" + freePort(),
          "--disable-usage-stats", "--num-cpus=" + settings.numCpus()));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Map<String, String> env = builder.environment();
      // Ray's "no cluster" mode keeps every Ray process on loopback (see scripts/ray.sh).
      env.put("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0");
      env.remove("RAY_ADDRESS");
      Process process = builder.start();
      LocalRayHead head = new LocalRayHead(
          new RayHead("127.0.0.1:" + port, "http://127.0.0.1:" + dashboardPort, process.pid()), process, log);
      head.awaitUp(port, settings.startTimeout());
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a Ray head: " + e.getMessage(), e);
    }
  }

  /** The head's address, dashboard URL and process group. */
  public RayHead info() {
    return info;
  }

  /** The file the head's output goes to. */
  public Path log() {
    return log;
  }

  /** Whether any process the head started is still running. */
  public boolean running() {
    return group.alive();
  }

  /**
   * Stops the head: every process of its process group, SIGTERM first and SIGKILL after 30 s.
   *
   * @throws IllegalStateException when processes of the group survive both
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs (or ran) this same stop.
    }
    try {
      if (!group.stop(STOP_GRACE)) {
        throw new IllegalStateException("Ray head " + info.address() + ": processes " + group.members()
            + " of its process group " + group.id() + " survived SIGTERM and SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the Ray head " + info.address(), e);
    }
  }

  private void stopQuietly() {
    try {
      group.stop(STOP_GRACE);
    } catch (InterruptedException | RuntimeException e) {
      // Best effort at JVM exit.
    }
  }

  private void awaitUp(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw failure("exited with status " + process.exitValue());
        }
        if (accepts(port) && Files.readString(log, StandardCharsets.UTF_8).contains("Ray runtime started")) {
          return;
        }
        Thread.sleep(500);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting a Ray head", e);
    }
    ConfigError timedOut = failure("did not come up within " + timeout.toSeconds() + " s");
    close();
    throw timedOut;
  }

  private ConfigError failure(String what) {
    String tail;
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      tail = "(log unreadable: " + e.getMessage() + ")";
    }
    return new ConfigError("The Ray head (" + info.address() + ", " + log + ") " + what + "; its log ends with:\n" + tail,
        Map.of("address", info.address(), "log", log.toString()));
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String setsid() {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
      Path candidate = Path.of(dir, "setsid");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new ConfigError("setsid (util-linux) is not installed: a Ray head needs a process group of its own so that"
        + " stopping it ends exactly what it started; install util-linux", Map.of());
  }
}
