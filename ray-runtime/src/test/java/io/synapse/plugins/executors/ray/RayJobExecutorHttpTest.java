package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor's HTTP side against a fake dashboard: uploads skipped when present, precise errors, no secrets sent. */
class RayJobExecutorHttpTest {
  @TempDir
  Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> packages = new ConcurrentHashMap<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private volatile int jobStatus = 200;
  private volatile String jobBody = "{\"status\":\"RUNNING\",\"submission_id\":\"x\"}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(method + " " + path + (exchange.getRequestHeaders().containsKey("X-token") ? " +header" : ""));
    int status;
    String reply = "";
    if (path.startsWith("/api/packages/gcs/")) {
      String name = path.substring("/api/packages/gcs/".length());
      if (method.equals("PUT")) {
        packages.put(name, body);
        status = 200;
      } else {
        status = packages.containsKey(name) ? 200 : 404;
      }
    } else if (path.equals("/api/jobs/") && method.equals("POST")) {
      String json = new String(body, StandardCharsets.UTF_8);
      Map<?, ?> request = (Map<?, ?>) Json.parse(json);
      bodies.put(String.valueOf(request.get("submission_id")), json);
      status = 200;
      reply = Json.write(Map.of("job_id", "raysubmit_1", "submission_id", request.get("submission_id")));
    } else if (path.startsWith("/api/jobs/nope")) {
      status = 404;
      reply = "Job nope does not exist";
    } else if (path.startsWith("/api/jobs/")) {
      status = jobStatus;
      reply = jobBody;
    } else {
      status = 500;
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private RayJobExecutor.Builder executor() throws IOException {
    Path jar = Files.write(dir.resolve("runtime.jar"), new byte[] {1, 2, 3});
    return RayJobExecutor.builder().dashboardUrl("http://127.0.0.1:" + server.getAddress().getPort()).classPath(List.of(jar))
        .header("X-Token", "t").resultKeyFile(dir.resolve("state/job-results.key"));
  }

  @Test
  void theJarPackageIsUploadedOnceAndTheRequestEachTime() throws Exception {
    RayJobExecutor jobs = executor().build();
    String first = jobs.submit(FakeDescriptor.INSTANCE, Map.of()).id();
    String second = jobs.submit(FakeDescriptor.INSTANCE, Map.of()).id();
    assertEquals(1, jobs.jarUploads());
    assertEquals(3, packages.size(), "one jar package, two request packages");
    long puts = requests.stream().filter(r -> r.startsWith("PUT")).count();
    assertEquals(3, puts, requests.toString());
    assertTrue(requests.stream().allMatch(r -> r.endsWith("+header")), "headers go with every request: " + requests);
    Map<?, ?> post = (Map<?, ?>) Json.parse(bodies.get(second));
    Map<?, ?> runtimeEnv = (Map<?, ?>) post.get("runtime_env");
    List<?> modules = (List<?>) runtimeEnv.get("py_modules");
    assertEquals(jobs.jarPackageUri(FakeDescriptor.INSTANCE), modules.get(0), "the code package, then the request");
    assertEquals(2, modules.size());
    assertEquals(null, runtimeEnv.get("working_dir"), "no working directory given");
    String entrypoint = String.valueOf(post.get("entrypoint"));
    assertTrue(entrypoint.contains("io.synapse.plugins.executors.remote.JobMain synapse-request-" + second + ".json"), entrypoint);
    String codeDir = String.valueOf(modules.get(0)).replace("gcs://", "").replace(".zip", "");
    assertTrue(entrypoint.contains("c=$(p " + codeDir + ")") && entrypoint.contains("-cp \"$c/synapse-classpath.jar\""), entrypoint);
    assertFalse(first.equals(second));
  }

  @Test
  void secretLookingVariablesAndMetadataNeverReachTheDashboard() throws Exception {
    RayJobExecutor jobs = executor().env(Map.of("REGION", "eu", "DB_PASSWORD", "pw-very-secret"))
        .metadata(Map.of("owner", "me", "api_token", "tok-very-secret")).entrypointNumCpus(1).entrypointMemory(1 << 20).build();
    String id = jobs.submit(FakeDescriptor.INSTANCE, Map.of()).id();
    String post = bodies.get(id);
    assertFalse(post.contains("pw-very-secret") || post.contains("tok-very-secret"), post);
    Map<?, ?> request = (Map<?, ?>) Json.parse(post);
    // Beside the job's own variables only the stop grace: 10 s for the entrypoint, 15 s before Ray's SIGKILL.
    assertEquals(Map.of("REGION", "eu", "SYNAPSE_CANCEL_GRACE_MS", "10000", "RAY_JOB_STOP_WAIT_TIME_S", "15"),
        ((Map<?, ?>) request.get("runtime_env")).get("env_vars"));
    Map<?, ?> metadata = (Map<?, ?>) request.get("metadata");
    assertEquals("***", metadata.get("api_token"));
    assertEquals("me", metadata.get("owner"));
    assertEquals("count", metadata.get("synapse.action"));
    assertEquals(1.0, ((Number) request.get("entrypoint_num_cpus")).doubleValue());
    String requestPackage = packages.values().stream().map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1))
        .filter(text -> text.contains("synapse-request-")).findFirst().orElseThrow();
    assertTrue(requestPackage.contains("synapse-request-" + id + ".json"));
  }

  @Test
  void anUnknownJobIsJobNotFound() throws Exception {
    PluginError error = assertThrows(PluginError.class, () -> executor().build().getStatus("nope"));
    assertEquals(RayJobExecutor.JOB_NOT_FOUND, error.code());
    assertEquals("nope", error.details().get("submission_id"));
  }

  @Test
  void anErrorStatusNamesTheStatusAndAnExcerptOfTheBody() throws Exception {
    jobStatus = 500;
    jobBody = "Traceback (most recent call last):\n" + "x".repeat(5000);
    PluginError error = assertThrows(PluginError.class, () -> executor().build().getStatus("x"));
    assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code());
    assertEquals(500, error.details().get("status"));
    assertTrue(error.getMessage().contains("status 500: Traceback"), error.getMessage());
    assertTrue(error.getMessage().length() < 1000, "an excerpt, not the whole body");
  }

  @Test
  void aBodyThatIsNotJsonIsADashboardError() throws Exception {
    jobBody = "<html>proxy login</html>";
    PluginError error = assertThrows(PluginError.class, () -> executor().build().getStatus("x"));
    assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code());
    assertTrue(error.getMessage().contains("not JSON: <html>proxy login</html>"), error.getMessage());
  }

  @Test
  void anUnknownStatusIsNamed() throws Exception {
    jobBody = "{\"status\":\"EXPLODED\"}";
    PluginError error = assertThrows(PluginError.class, () -> executor().build().getStatus("x"));
    assertTrue(error.getMessage().contains("EXPLODED"), error.getMessage());
  }

  @Test
  void aClosedPortIsUnreachableWithTheUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl("http://127.0.0.1:" + port).build();
    PluginError error = assertThrows(PluginError.class, () -> jobs.getStatus("x"));
    assertEquals(RayJobExecutor.DASHBOARD_UNREACHABLE, error.code());
    assertTrue(error.getMessage().contains("http://127.0.0.1:" + port), error.getMessage());
  }

  @Test
  void runtimeEnvKeysAJavaJobCannotUseAndSecretVariablesAreRefusedBeforeAnyRequest() {
    for (String key : List.of("pip", "uv", "conda", "py_modules")) {
      io.synapse.plugins.errors.ConfigError error = assertThrows(io.synapse.plugins.errors.ConfigError.class,
          () -> RayJobBackend.executor(io.synapse.plugins.RunOptions.builder().runtimeEnv(Map.of(key, List.of("x")))
              .option(RayOptions.DASHBOARD_URL, "http://127.0.0.1:" + server.getAddress().getPort()).build()));
      assertEquals(key, error.details().get("key"));
    }
    assertThrows(io.synapse.plugins.errors.ConfigError.class,
        () -> RayJobExecutor.builder().runtimeEnv(Map.of("env_vars", Map.of("AWS_SECRET_ACCESS_KEY", "x"))));
    assertThrows(io.synapse.plugins.errors.ConfigError.class, () -> RayJobExecutor.builder().dashboardUrl("127.0.0.1:8265"));
    assertEquals(List.of(), requests, "nothing reached the dashboard");
  }

  @Test
  void theWorkingDirectoryEnvVarsAndConfigOfRuntimeEnvReachTheJob() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve("input.txt"), "hello");
    RayJobExecutor jobs = executor().runtimeEnv(Map.of("env_vars", Map.of("MODE", "fast"), "config", Map.of("setup_timeout_seconds", 60)))
        .workingDir(work).env(Map.of("REGION", "eu")).cancelGrace(java.time.Duration.ofMillis(2500)).build();
    String id = jobs.submit(FakeDescriptor.INSTANCE, Map.of()).id();
    Map<?, ?> runtimeEnv = (Map<?, ?>) ((Map<?, ?>) Json.parse(bodies.get(id))).get("runtime_env");
    assertEquals(Map.of("MODE", "fast", "REGION", "eu", "SYNAPSE_CANCEL_GRACE_MS", "2500", "RAY_JOB_STOP_WAIT_TIME_S", "8"),
        runtimeEnv.get("env_vars"));
    assertEquals(Map.of("setup_timeout_seconds", 60), runtimeEnv.get("config"));
    String workingDir = String.valueOf(runtimeEnv.get("working_dir"));
    assertTrue(packages.containsKey(workingDir.substring("gcs://".length())), "the working directory was uploaded: " + workingDir);
    assertEquals(2, jobs.jarUploads(), "the code package and the working directory");
    String again = jobs.submit(FakeDescriptor.INSTANCE, Map.of()).id();
    assertEquals(workingDir, ((Map<?, ?>) ((Map<?, ?>) Json.parse(bodies.get(again))).get("runtime_env")).get("working_dir"));
    assertEquals(2, jobs.jarUploads(), "nothing uploaded again but the request");
  }
}
