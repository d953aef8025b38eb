package io.synapse.plugins.console;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A running web console: the JDK's embedded HTTP server serving the console's page and its API for the
 * plugins of a {@link ConsoleSettings}. On a loopback address it answers requests for that address
 * only; on any other address it asks every request for a token made when it starts ({@link #url()}
 * carries it). Close it to stop.
 *
 * <pre>{@code
 * try (ConsoleServer console = ConsoleServer.start(ConsoleSettings.loopback(List.of("examples/hello-plugin")), System.err, s -> {})) {
 *   System.out.println("Console at " + console.url());
 *   ...
 * }
 * }</pre>
 */
public final class ConsoleServer implements AutoCloseable {
  /** How many threads answer requests (event streams hold one each: {@link EventStream#MAX_STREAMS} at most). */
  static final int THREADS = EventStream.MAX_STREAMS + 16;

  private final HttpServer server;
  private final ExecutorService threads;
  private final RunLauncher launcher;
  private final PipelineRuns pipelines;
  private final EventStream events;
  private final AccessToken token;
  private final String host;

  private ConsoleServer(HttpServer server, ExecutorService threads, RunLauncher launcher, PipelineRuns pipelines,
                        EventStream events, AccessToken token, String host) {
    this.server = server;
    this.threads = threads;
    this.launcher = launcher;
    this.pipelines = pipelines;
    this.events = events;
    this.token = token;
    this.host = host;
  }

  /**
   * Finds the plugins and starts serving them.
   *
   * @param settings what to serve and where
   * @param log where the console writes what it does (runs started and ended; never params, secrets or the token)
   * @param secretSeen told each secret value a run's params hold, before the run starts (the command
   *     line masks them in what actions print)
   * @throws io.synapse.plugins.errors.PluginNotFoundError when a plugin is not found
   * @throws ConfigError when the address cannot be listened on
   */
  public static ConsoleServer start(ConsoleSettings settings, PrintStream log, Consumer<String> secretSeen) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(secretSeen, "secretSeen");
    limitRequestTime();
    AccessToken token = settings.isLoopback() ? null : AccessToken.generate();
    PluginCatalog catalog = new PluginCatalog(settings.plugins());
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
    } catch (IOException e) {
      throw new ConfigError("the console cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(),
          Map.of("host", settings.host(), "port", settings.port()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "synapse-console-http");
      thread.setDaemon(true);
      return thread;
    });
    RunLauncher launcher = new RunLauncher(settings, catalog, log, secretSeen);
    PipelineRuns pipelines = new PipelineRuns(settings, catalog, log);
    EventStream events = new EventStream();
    AccessFilter access = new AccessFilter(token);
    access.port(server.getAddress().getPort());
    HttpContext api = server.createContext("/api/", new ApiHandler(catalog, launcher, pipelines, events, log));
    api.getFilters().add(access);
    HttpContext pages = server.createContext("/", new StaticFiles());
    pages.getFilters().add(access);
    server.setExecutor(threads);
    server.start();
    return new ConsoleServer(server, threads, launcher, pipelines, events, token, settings.host());
  }

  // The JDK server waits for a request's headers and body without a limit unless told; a client that
  // sends them slowly must not hold a thread for ever. Set once, before the first server, if not set.
  private static void limitRequestTime() {
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "30");
    }
  }

  /** The port the console listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The console's address, without the token: {@code http://127.0.0.1:PORT/}. */
  public URI address() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port() + "/");
  }

  /** The URL to open: {@link #address()}, with {@code ?token=...} when the console asks for one. */
  public URI url() {
    return token == null ? address() : URI.create(address() + "?token=" + token.value());
  }

  /** The token every request must carry, when the console listens beyond loopback. */
  public Optional<String> token() {
    return token == null ? Optional.empty() : Optional.of(token.value());
  }

  /** Stops serving: open event streams end, runs going on are interrupted. */
  @Override
  public void close() {
    events.close();
    server.stop(0);
    launcher.close();
    pipelines.close();
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "ConsoleServer[" + address() + "]";
  }
}
