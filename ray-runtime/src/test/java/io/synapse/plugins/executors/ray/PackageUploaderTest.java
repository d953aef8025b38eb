package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads and pins against a loopback stand-in of the dashboard's package API (GET answers 200 or 404,
 * PUT stores): once per content, pinned again every interval, put back when the cluster lost it.
 */
class PackageUploaderTest {
  private HttpServer server;
  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int getStatus = 0;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/packages/gcs/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/api/packages/gcs/".length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(exchange.getRequestMethod() + " " + name);
    int status;
    if (exchange.getRequestMethod().equals("PUT")) {
      stored.put(name, body);
      status = 200;
    } else {
      status = getStatus != 0 ? getStatus : stored.containsKey(name) ? 200 : 404;
    }
    byte[] reply = (status == 500 ? "Internal error" : "{}").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, reply.length);
    exchange.getResponseBody().write(reply);
    exchange.close();
  }

  private PackageUploader uploader() {
    return new PackageUploader(DashboardClient.of("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(10), io.synapse.plugins.executors.RetryPolicy.none()));
  }

  private static ClusterPackage pkg(String content) {
    return ClusterPackage.of(new TreeMap<>(Map.of("a.txt", content.getBytes(StandardCharsets.UTF_8))));
  }

  private long count(String request) {
    return requests.stream().filter(request::equals).count();
  }

  @Test
  void aPackageIsUploadedOncePerContentAcrossUploaders() {
    ClusterPackage pkg = pkg("one");
    PackageUploader first = uploader();
    first.ensure(pkg, Redactor.none());
    first.ensure(pkg, Redactor.none());
    PackageUploader second = uploader();
    second.ensure(pkg, Redactor.none());
    assertEquals(1, count("PUT " + pkg.name()), requests.toString());
    assertEquals(1, first.uploads() + second.uploads());
    assertTrue(first.exists(pkg.uri()));
  }

  @Test
  void aPinGetsItsPackageAgainEveryIntervalAndPutsItBackWhenTheClusterLostIt() throws Exception {
    ClusterPackage pkg = pkg("pinned");
    PackageUploader uploader = uploader();
    try (PackageUploader.Pin pin = uploader.pin(pkg, Duration.ofMillis(100))) {
      waitFor(() -> count("GET " + pkg.name()) >= 4, "four GETs");
      stored.clear();
      waitFor(() -> count("PUT " + pkg.name()) >= 2, "the package put back");
      assertEquals(List.of(pkg.uri()), uploader.pinnedUris());
    }
    assertEquals(0, uploader.pinnedCount());
    Thread.sleep(400);
    long after = count("GET " + pkg.name());
    Thread.sleep(500);
    assertEquals(after, count("GET " + pkg.name()), "a closed pin GETs no more");
  }

  @Test
  void pinsOfOnePackageAreCountedAndTheLastCloseStopsThem() throws Exception {
    ClusterPackage pkg = pkg("shared");
    PackageUploader uploader = uploader();
    PackageUploader.Pin one = uploader.pin(pkg, Duration.ofMillis(100));
    PackageUploader.Pin two = uploader.pin(pkg, Duration.ofMillis(100));
    one.close();
    one.close();
    assertEquals(1, uploader.pinnedCount(), "the second pin still holds it");
    two.close();
    assertEquals(0, uploader.pinnedCount());
  }

  @Test
  void aFailingRefreshIsLoggedAndRetriedNotThrown() throws Exception {
    ClusterPackage pkg = pkg("flaky");
    PackageUploader uploader = uploader();
    try (PackageUploader.Pin pin = uploader.pin(pkg, Duration.ofMillis(100))) {
      getStatus = 500;
      long before = count("GET " + pkg.name());
      waitFor(() -> count("GET " + pkg.name()) >= before + 3, "refreshes go on after errors");
      getStatus = 0;
    }
  }

  @Test
  void anErrorStatusOnUploadIsADashboardError() {
    getStatus = 500;
    PluginError error = assertThrows(PluginError.class, () -> uploader().ensure(pkg("x"), Redactor.none()));
    assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code());
    assertEquals(500, error.details().get("status"));
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
