package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.ray.jobs.Steps;
import io.synapse.examples.ray.jobs.StepsAction_Descriptor;
import io.synapse.examples.ray.jobs.StepsParams;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.ray.JobInfo;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.ray.RayJobBackend;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.executors.ray.RayOptions;
import io.synapse.plugins.executors.remote.RemoteActionException;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JOB mode against a real local Ray head and its dashboard: submission, results, errors, logs, progress and packages. */
@WithRayHead
class RayJobTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static String dashboard;

  @BeforeAll
  static void cluster(RayHead head) {
    dashboard = head.dashboardUrl();
  }

  private static RayJobExecutor.Builder jobs() {
    return RayJobExecutor.builder().dashboardUrl(dashboard);
  }

  private static RunOptions jobOptions() {
    return RunOptions.builder().option(RayOptions.DASHBOARD_URL, dashboard).sink(new RecordingSink()).build();
  }

  @Test
  void runPluginSubmitsAJobAndWaitGivesTheSameTypedResultAsLocal() {
    Map<String, Object> params = Map.of("lines", List.of("the cat", "The dog and the cat"), "minLength", "2");
    Object local = PluginRunner.runPlugin("ray_demo", "word-count", params, ExecutionMode.LOCAL,
        RunOptions.builder().sink(new RecordingSink()).build());
    Object id = PluginRunner.runPlugin("ray_demo", "word-count", params, ExecutionMode.JOB, jobOptions());
    String submissionId = assertInstanceOf(String.class, id);
    RayJobExecutor executor = RayJobBackend.executor(jobOptions());
    assertTrue(List.of(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.SUCCEEDED).contains(executor.getStatus(submissionId)));
    Object remote = executor.wait(submissionId, WAIT);
    assertInstanceOf(WordCount.class, remote);
    assertEquals(local, remote);
    assertEquals(JobStatus.SUCCEEDED, executor.getStatus(submissionId));
    String logs = executor.getLogs(submissionId);
    assertTrue(logs.contains("\"type\":\"progress\""), logs);
    assertTrue(logs.contains("@@synapse-job-result-begin "), logs);
    assertEquals(Map.of("word-count", new PluginEvent.Progress(2, 2)), executor.getProgress(submissionId));
    JobInfo info = executor.getInfo(submissionId);
    assertEquals("ray_demo", info.metadata().get("synapse.plugin"));
    assertEquals("word-count", info.metadata().get("synapse.action"));
    assertTrue(executor.list().stream().anyMatch(job -> job.submissionId().equals(submissionId)));
  }

  @Test
  void aFreshExecutorWaitsOnAJobItDidNotSubmitAndTheActionSeesItsJobId() {
    RecordingSink sink = new RecordingSink();
    RayJobExecutor submitter = jobs().build();
    String id = submitter.submit(EchoAction_Descriptor.INSTANCE, new EchoParams("hello", 0, false)).id();
    Echo echo = (Echo) jobs().sink(sink).build().wait(id, WAIT);
    assertEquals("hello", echo.message());
    assertEquals(id, echo.jobId(), "the context's job id is the submission id by default");
    assertNotEquals(ProcessHandle.current().pid(), echo.pid());
    assertEquals(List.of(1L), sink.events(EventType.PROGRESS).stream().map(e -> e.progress().current()).toList(),
        "wait replays the job's events into the sink");
  }

  @Test
  void aPluginGivenByPathShipsItsOwnClassPath() {
    String modulePath = Path.of("").toAbsolutePath().toString();
    PluginDiscovery plugin = PluginRunner.discover(modulePath);
    RayJobExecutor executor = jobs().build();
    String id = executor.submit(plugin, "word-count", Map.of("lines", List.of("a b a"))).id();
    assertEquals(new WordCount(Map.of("a", 2, "b", 1), 3), executor.wait(id, WAIT));
    Object viaRunner = PluginRunner.runPlugin(modulePath, "word-count", Map.of("lines", List.of("x")), ExecutionMode.JOB, jobOptions());
    assertEquals(new WordCount(Map.of("x", 1), 1), RayJobBackend.executor(jobOptions()).wait((String) viaRunner, WAIT));
    PluginRunner.clearCache();
  }

  @Test
  void aPackagedPluginDirectoryNotOnTheClassPathRunsFromItsOwnJars(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
    Path jar = Path.of("..", "hello-plugin", "target", "hello-plugin.jar").toAbsolutePath().normalize();
    // The reactor builds examples/hello-plugin first; run alone, this test fails saying so instead of skipping.
    org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.isRegularFile(jar), "build examples/hello-plugin first: " + jar);
    Path dir = java.nio.file.Files.createDirectories(temp.resolve("hello/lib"));
    java.nio.file.Files.copy(jar, dir.resolve("plugin.jar"));
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      java.nio.file.Files.copy(file.getInputStream(file.getEntry("META-INF/synapse/hello_plugin/config.yaml")),
          temp.resolve("hello/config.yaml"));
    }
    String pluginDir = temp.resolve("hello").toString();
    Object id = PluginRunner.runPlugin(pluginDir, "process", Map.of("inputPath", "/data/in", "outputPath", "/data/out"),
        ExecutionMode.JOB, jobOptions());
    Object result = RayJobBackend.executor(jobOptions()).wait((String) id, WAIT);
    assertEquals("io.synapse.examples.hello.ProcessResult", result.getClass().getName());
    assertNotEquals(getClass().getClassLoader(), result.getClass().getClassLoader(), "typed by the plugin's own class loader");
    assertTrue(result.toString().contains("completed") && result.toString().contains("/data/out"), result.toString());
    PluginRunner.clearCache();
  }

  @Test
  void badParamsFailOnTheDriverBeforeAnythingIsSubmitted() {
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("ray_demo", "word-count",
        Map.of("lines", List.of(), "minLength", 0, "extra", true), ExecutionMode.JOB, jobOptions()));
    assertEquals(List.of("extra", "lines", "min_length"), error.violations().stream().map(Violation::path).sorted().toList());
  }

  @Test
  void badParamsCheckedOnlyInTheJobFailItAndWaitRaisesTheValidationError() {
    RayJobExecutor executor = jobs().validateOnDriver(false).build();
    String id = executor.submit(WordCountAction_Descriptor.INSTANCE, Map.of("lines", List.of(), "minLength", 0, "extra", true)).id();
    ValidationError error = assertThrows(ValidationError.class, () -> executor.wait(id, WAIT));
    assertEquals(List.of("extra", "lines", "min_length"), error.violations().stream().map(Violation::path).sorted().toList());
    assertEquals(JobStatus.FAILED, executor.getStatus(id));
  }

  @Test
  void anActionThatThrowsFailsTheJobWithTheRemoteException() {
    RayJobExecutor executor = jobs().build();
    String id = executor.submit(EchoAction_Descriptor.INSTANCE, new EchoParams("boom", 0, true)).id();
    ExecutionError error = assertThrows(ExecutionError.class, () -> executor.wait(id, WAIT));
    RemoteActionException cause = assertInstanceOf(RemoteActionException.class, error.getCause());
    assertEquals(IllegalArgumentException.class.getName(), cause.remoteClassName());
    assertTrue(cause.getMessage().contains("asked to fail: boom"), cause.getMessage());
    assertTrue(cause.remoteStackTrace().contains("EchoAction.execute"), cause.remoteStackTrace());
    assertEquals(id, error.details().get("submission_id"));
    assertEquals("FAILED", error.details().get("status"));
    assertTrue(String.valueOf(error.details().get("log_tail")).contains("@@synapse-job-result-end"), error.details().toString());
    assertEquals(JobStatus.FAILED, executor.getStatus(id));
  }

  @Test
  void progressIsReadWhileTheJobRunsAndStopEndsIt() throws Exception {
    RayJobExecutor executor = jobs().build();
    String id = executor.submit(StepsAction_Descriptor.INSTANCE, new StepsParams(600, 100, "", false, List.of())).id();
    PluginEvent.Progress seen = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      seen = executor.getProgress(id).get("steps");
      if (seen != null && seen.current() >= 3) {
        break;
      }
      Thread.sleep(200);
    }
    assertTrue(seen != null && seen.current() >= 3 && seen.current() < 600, "progress while running: " + seen);
    assertEquals(JobStatus.RUNNING, executor.getStatus(id));
    assertEquals(600, seen.total());

    assertTrue(executor.stop(id));
    io.synapse.plugins.errors.CancelledError error = assertThrows(io.synapse.plugins.errors.CancelledError.class,
        () -> executor.wait(id, WAIT));
    assertEquals("STOPPED", error.details().get("status"));
    assertEquals(JobStatus.STOPPED, executor.getStatus(id));
    assertTrue(executor.delete(id));
    PluginError gone = assertThrows(PluginError.class, () -> executor.getStatus(id));
    assertEquals(RayJobExecutor.JOB_NOT_FOUND, gone.code());
  }

  @Test
  void waitRunsOutOfTimeWithATimeoutErrorAndTheJobKeepsRunning() {
    RayJobExecutor executor = jobs().build();
    String id = executor.submit(EchoAction_Descriptor.INSTANCE, new EchoParams("slow", 60_000, false)).id();
    long started = System.nanoTime();
    PluginError error = assertThrows(PluginError.class, () -> executor.wait(id, Duration.ofSeconds(2)));
    assertEquals(RayJobExecutor.TIMEOUT, error.code());
    assertEquals(id, error.details().get("submission_id"));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
    assertFalse(executor.getStatus(id).isTerminal(), "the job keeps running after the timeout");
    executor.stop(id);
  }

  @Test
  void anUnknownJobIdIsAPreciseError() {
    RayJobExecutor executor = jobs().build();
    for (Runnable call : List.<Runnable>of(() -> executor.getStatus("synapse-no-such-job"), () -> executor.getLogs("synapse-no-such-job"),
        () -> executor.wait("synapse-no-such-job", WAIT), () -> executor.stop("synapse-no-such-job"))) {
      PluginError error = assertThrows(PluginError.class, call::run);
      assertEquals(RayJobExecutor.JOB_NOT_FOUND, error.code());
      assertTrue(error.getMessage().contains("synapse-no-such-job") && error.getMessage().contains(dashboard), error.getMessage());
    }
    PluginError tail = assertThrows(PluginError.class, () -> {
      try {
        executor.tailLogs("synapse-no-such-job", chunk -> { }).get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause();
      }
    });
    assertEquals(RayJobExecutor.JOB_NOT_FOUND, tail.code());
  }

  @Test
  void aDashboardThatIsDownIsNamedInTheError() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    RayJobExecutor executor = RayJobExecutor.builder().dashboardUrl(url).requestTimeout(Duration.ofSeconds(5)).build();
    PluginError submit = assertThrows(PluginError.class, () -> executor.submit(EchoAction_Descriptor.INSTANCE, new EchoParams("x", 0, false)));
    assertEquals(RayJobExecutor.DASHBOARD_UNREACHABLE, submit.code());
    assertTrue(submit.getMessage().contains(url), submit.getMessage());
    assertEquals(url, submit.details().get("url"));
    PluginError status = assertThrows(PluginError.class, () -> executor.getStatus("any"));
    assertEquals(RayJobExecutor.DASHBOARD_UNREACHABLE, status.code());
    PluginError viaRunner = assertThrows(PluginError.class, () -> PluginRunner.runPlugin("ray_demo", "noop", Map.of(), ExecutionMode.JOB,
        RunOptions.builder().option(RayOptions.DASHBOARD_URL, url).build()));
    assertEquals(RayJobExecutor.DASHBOARD_UNREACHABLE, viaRunner.code());
  }

  @Test
  void severalMebibytesOfParamsTravelInTheRequestPackage() {
    RayJobExecutor executor = jobs().build();
    List<String> payload = new ArrayList<>(Collections.nCopies(6 * 1024, "x".repeat(1024)));
    String id = executor.submit(StepsAction_Descriptor.INSTANCE, new StepsParams(1, 0, "", false, payload)).id();
    Steps steps = (Steps) executor.wait(id, WAIT);
    assertEquals(6L * 1024 * 1024, steps.payloadChars());
    assertTrue(executor.getInfo(id).entrypoint().length() < 10_000, "params are not in the entrypoint");
  }

  @Test
  void aSecondSubmitOfTheSamePluginUploadsNoJars() {
    RayJobExecutor executor = jobs().build();
    String first = executor.submit(NoopAction_Descriptor.INSTANCE, Map.of()).id();
    int uploadsAfterFirst = executor.jarUploads();
    assertTrue(executor.packageExists(executor.jarPackageUri(NoopAction_Descriptor.INSTANCE)));
    String second = executor.submit(NoopAction_Descriptor.INSTANCE, Map.of()).id();
    assertEquals(uploadsAfterFirst, executor.jarUploads(), "the jar package was already on the cluster");
    assertEquals("ok", executor.wait(first, WAIT));
    assertEquals("ok", executor.wait(second, WAIT));
    assertEquals(executor.getInfo(first).entrypoint().replace(first, ""), executor.getInfo(second).entrypoint().replace(second, ""),
        "both jobs run from the same jars");
  }

  @Test
  void secretsStayOutOfMetadataRuntimeEnvLogsAndErrors() throws Exception {
    String token = "tok-7f3a9c-very-secret";
    String apiKey = "key-51b2e8-also-secret";
    RayJobExecutor executor = jobs().env(Map.of("REGION", "eu-1", "SERVICE_API_KEY", apiKey))
        .metadata(Map.of("team", "vision", "deploy_token", "meta-secret-value")).build();
    String ok = executor.submit(StepsAction_Descriptor.INSTANCE, new StepsParams(2, 0, token, false, List.of())).id();
    Steps steps = (Steps) executor.wait(ok, WAIT);
    assertEquals("eu-1", steps.region(), "the action's environment");
    assertEquals("eu-1", steps.processRegion(), "non-secret variables are set on the job's process");
    String failing = executor.submit(StepsAction_Descriptor.INSTANCE, new StepsParams(1, 0, token, true, List.of())).id();
    ExecutionError error = assertThrows(ExecutionError.class, () -> executor.wait(failing, WAIT));

    for (String id : List.of(ok, failing)) {
      String rawInfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dashboard + "/api/jobs/" + id)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertFalse(rawInfo.contains(token) || rawInfo.contains(apiKey) || rawInfo.contains("meta-secret-value"), rawInfo);
      assertTrue(rawInfo.contains("vision"), rawInfo);
      String logs = executor.getLogs(id);
      assertFalse(logs.contains(token) || logs.contains(apiKey), logs);
      assertTrue(logs.contains("starting with token ***"), logs);
    }
    String everything = error.getMessage() + error.details() + error.getCause().getMessage()
        + ((RemoteActionException) error.getCause()).remoteStackTrace();
    assertFalse(everything.contains(token), everything);
    assertTrue(error.getCause().getMessage().contains("failed on purpose with token ***"), error.getCause().getMessage());
  }

  @Test
  void tailLogsStreamsTheLogUntilTheJobEnds() throws Exception {
    RayJobExecutor executor = jobs().build();
    String id = executor.submit(StepsAction_Descriptor.INSTANCE, new StepsParams(5, 200, "", false, List.of())).id();
    StringBuffer streamed = new StringBuffer();
    executor.tailLogs(id, streamed::append).get(120, TimeUnit.SECONDS);
    assertTrue(streamed.toString().contains("@@synapse-job-result-end "), streamed.toString());
    assertTrue(streamed.toString().contains("\"current\":5"), streamed.toString());
  }

  @Test
  void anInvalidRecordBuiltInJavaIsRefusedBeforeAnythingIsSubmitted() {
    RayJobExecutor executor = jobs().build();
    int before = executor.list().size();
    ValidationError error = assertThrows(ValidationError.class,
        () -> executor.submit(EchoAction_Descriptor.INSTANCE, new EchoParams("m", -5, false)));
    assertEquals(List.of(new Violation("sleep_millis", "must be greater than or equal to 0", "PositiveOrZero")), error.violations());
    assertEquals(before, executor.list().size(), "no job");
    assertEquals(0, executor.jarUploads(), "nothing uploaded");
  }
}
