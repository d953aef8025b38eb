package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayOptions;
import io.synapse.plugins.executors.ray.RayTaskBackend;
import io.synapse.plugins.executors.remote.RemoteActionException;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TASK mode against a real local Ray head: pools, errors, failures and options. */
@WithRayHead
class RayTaskTest {
  private static String address;
  private static String dashboard;

  @BeforeAll
  static void cluster(RayHead head) {
    address = head.address();
    dashboard = head.dashboardUrl();
  }

  private static RayActorExecutor.Builder pool() {
    return RayActorExecutor.builder().address(address).dashboardUrl(dashboard).sink(new RecordingSink())
        .scheduleTimeout(Duration.ofSeconds(120));
  }

  private static RunOptions taskOptions(RecordingSink sink) {
    return RunOptions.builder().option(RayOptions.ADDRESS, address).option(RayOptions.DASHBOARD_URL, dashboard).sink(sink).build();
  }

  @Test
  void runPluginGivesTheSameTypedResultInLocalAndTask() {
    Map<String, Object> params = Map.of("lines", List.of("the cat", "The dog and the cat"), "minLength", "2");
    Object local = PluginRunner.runPlugin("ray_demo", "word-count", params, ExecutionMode.LOCAL,
        RunOptions.builder().sink(new RecordingSink()).build());
    RecordingSink sink = new RecordingSink();
    Object remote = PluginRunner.runPlugin("ray_demo", "word-count", params, ExecutionMode.TASK, taskOptions(sink));
    assertInstanceOf(WordCount.class, remote);
    assertEquals(local, remote);
    assertEquals(new WordCount(Map.of("the", 3, "cat", 2, "dog", 1, "and", 1), 7), remote);
    assertEquals(List.of(1L, 2L), sink.events(EventType.PROGRESS).stream().map(e -> e.progress().current()).toList(),
        "the action's events reach the driver's sink");
    assertEquals(Map.of("words", 7, "distinct", 4), sink.events(EventType.METRICS).get(0).data());
  }

  @Test
  void runPluginReusesOneWarmPoolForEqualOptions() {
    Echo first = (Echo) PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "a"), ExecutionMode.TASK,
        taskOptions(new RecordingSink()));
    int pools = RayTaskBackend.poolCount();
    Echo second = (Echo) PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "b"), ExecutionMode.TASK,
        taskOptions(new RecordingSink()));
    assertEquals(first.pid(), second.pid(), "the same warm worker serves both calls");
    assertNotEquals(ProcessHandle.current().pid(), first.pid());
    assertEquals(pools, RayTaskBackend.poolCount());
  }

  @Test
  void aPoolStaysWarmAcrossCalls() {
    try (RayActorExecutor executor = pool().build()) {
      long pid = executor.workerPids().get(0);
      for (int i = 0; i < 3; i++) {
        Echo echo = RayDemo.echo(new EchoParams("m" + i, 0, false), executor);
        assertEquals(pid, echo.pid());
        assertEquals("m" + i, echo.message());
      }
    }
  }

  @Test
  void callsRunInParallelOverThePool() {
    try (RayActorExecutor executor = pool().numActors(2).build()) {
      Set<Long> workers = new HashSet<>(executor.workerPids());
      assertEquals(2, workers.size());
      List<Echo> echoes = executor.executeAll(EchoAction_Descriptor.INSTANCE,
          List.of(new EchoParams("a", 1500, false), new EchoParams("b", 1500, false),
              new EchoParams("c", 1500, false), new EchoParams("d", 1500, false)));
      assertEquals(List.of("a", "b", "c", "d"), echoes.stream().map(Echo::message).toList());
      assertEquals(workers, new HashSet<>(echoes.stream().map(Echo::pid).toList()), "both actors did work");
      boolean overlapped = false;
      for (Echo one : echoes) {
        for (Echo other : echoes) {
          if (one.pid() != other.pid() && one.startedAtMillis() < other.finishedAtMillis()
              && other.startedAtMillis() < one.finishedAtMillis()) {
            overlapped = true;
          }
        }
      }
      assertTrue(overlapped, "calls on different actors overlapped in time: " + echoes);
    }
  }

  @Test
  void badParamsAreValidationErrorsAndNothingRuns() {
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("ray_demo", "word-count",
        Map.of("lines", List.of(), "minLength", 0, "extra", true), ExecutionMode.TASK, taskOptions(new RecordingSink())));
    assertEquals(List.of("extra", "lines", "min_length"), error.violations().stream().map(Violation::path).sorted().toList());
    assertThrows(ActionNotFoundError.class, () -> PluginRunner.runPlugin("ray_demo", "wordcount", Map.of(),
        ExecutionMode.TASK, taskOptions(new RecordingSink())));
  }

  @Test
  void actionFailuresComeBackAsExecutionErrorsWithTheRemoteException() {
    try (RayActorExecutor executor = pool().build()) {
      ExecutionError error = assertThrows(ExecutionError.class, () -> RayDemo.echo(new EchoParams("boom", 0, true), executor));
      RemoteActionException cause = assertInstanceOf(RemoteActionException.class, error.getCause());
      assertEquals(IllegalArgumentException.class.getName(), cause.remoteClassName());
      assertTrue(cause.getMessage().contains("asked to fail: boom"), cause.getMessage());
      assertTrue(cause.remoteStackTrace().contains("EchoAction.execute"), cause.remoteStackTrace());
      assertEquals("echo", error.details().get("action"));
      assertEquals("boom", RayDemo.echo(new EchoParams("boom", 0, false), executor).message(), "the actor still works");
    }
  }

  @Test
  void envJobIdAndWorkerVariablesReachTheAction() {
    try (RayActorExecutor executor = pool().env(Map.of("GREETING", "hej")).jobId("job-42")
        .actorEnv(Map.of("SYNAPSE_DEMO", "from-runtime-env")).build()) {
      Echo echo = RayDemo.echo(new EchoParams("x", 0, false), executor);
      assertEquals("hej", echo.greeting());
      assertEquals("job-42", echo.jobId());
      assertEquals("from-runtime-env", echo.workerVariable());
    }
    assertEquals(null, System.getenv("SYNAPSE_DEMO"), "the variable came from the runtime env, not the driver");
  }

  @Test
  void anActorKilledMidCallIsReplacedAndThePoolRecovers() throws Exception {
    try (RayActorExecutor executor = pool().maxRetries(0).build()) {
      long victim = executor.workerPids().get(0);
      CompletableFuture<Echo> call = executor.submit(EchoAction_Descriptor.INSTANCE, new EchoParams("slow", 60_000, false));
      Thread.sleep(1500);
      assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly());
      ExecutionError error = assertThrows(ExecutionError.class, () -> {
        try {
          call.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause();
        }
      });
      assertEquals("actor_died", error.details().get("reason"));
      Echo after = RayDemo.echo(new EchoParams("again", 0, false), executor);
      assertEquals("again", after.message());
      assertNotEquals(victim, after.pid());
    }
  }

  @Test
  void anUnschedulableResourceRequestFailsNamingIt() {
    long started = System.nanoTime();
    ExecutionError error = assertThrows(ExecutionError.class,
        () -> pool().numGpus(4).scheduleTimeout(Duration.ofSeconds(5)).build());
    assertTrue(error.getMessage().contains("GPU"), error.getMessage());
    assertEquals("unschedulable", error.details().get("reason"));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 60);
  }

  @Test
  void closeReleasesTheActors() throws Exception {
    long pid;
    try (RayActorExecutor executor = pool().build()) {
      pid = executor.workerPids().get(0);
    }
    ProcessHandle worker = ProcessHandle.of(pid).orElse(null);
    for (int i = 0; i < 60 && worker != null && worker.isAlive(); i++) {
      Thread.sleep(500);
    }
    assertTrue(worker == null || !worker.isAlive(), "worker " + pid + " still runs after close()");
  }

  @Test
  void aPluginGivenByPathRunsOnTheWorkersFromItsOwnClassPath() {
    String modulePath = java.nio.file.Path.of("").toAbsolutePath().toString();
    WordCount count = (WordCount) PluginRunner.runPlugin(modulePath, "word-count", Map.of("lines", List.of("a b a")),
        ExecutionMode.TASK, taskOptions(new RecordingSink()));
    assertEquals(new WordCount(Map.of("a", 2, "b", 1), 3), count);
    PluginRunner.clearCache();
  }

  @Test
  void secretsNeverComeBackFromTheWorkers() {
    String token = "tok-task-4e7d1c-secret";
    String apiKey = "key-task-9a8b7c-secret";
    RecordingSink sink = new RecordingSink();
    java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
    io.synapse.plugins.events.JsonLinesSink jsonLines = new io.synapse.plugins.events.JsonLinesSink(lines);
    RunOptions options = RunOptions.builder().option(RayOptions.ADDRESS, address).option(RayOptions.DASHBOARD_URL, dashboard)
        .env(Map.of("API_KEY", apiKey))
        .sink(event -> {
          sink.accept(event);
          jsonLines.accept(event);
        }).build();
    Map<String, Object> params = Map.of("steps", 2, "token", token, "fail", true);
    ExecutionError error = assertThrows(ExecutionError.class,
        () -> PluginRunner.runPlugin("ray_job_demo", "steps", params, ExecutionMode.TASK, options));
    RemoteActionException cause = assertInstanceOf(RemoteActionException.class, error.getCause(), () -> String.valueOf(error.getCause()));
    assertEquals(IllegalStateException.class.getName(), cause.remoteClassName(), "the class name survives redaction");
    assertTrue(cause.getMessage().contains("failed on purpose with token ***"), cause.getMessage());
    String everything = error.getMessage() + error.details() + cause.getMessage() + cause.remoteStackTrace()
        + sink.events() + lines.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(sink.events().stream().anyMatch(e -> e.type() == EventType.MESSAGE), "the action's message came back");
    assertTrue(!everything.contains(token) && !everything.contains(apiKey), everything);
  }

  @Test
  void theDiscoveredPluginIsTheOneTheWorkersRun() {
    PluginDiscovery plugin = PluginDiscovery.fromModule("ray_demo");
    assertEquals(List.of("echo", "noop", "word-count"), plugin.listActions());
  }

  @Test
  void aRuntimeEnvTheNodeCannotSetUpIsATypedErrorSayingWhereToLook() {
    // A package no cluster holds: a fresh name each run, as a node remembers a failed env for 10 minutes.
    String missing = "gcs://_ray_pkg_" + java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(20)
        .putLong(System.nanoTime()).putLong(new java.util.Random().nextLong()).array()) + ".zip";
    long started = System.nanoTime();
    ExecutionError error = assertThrows(ExecutionError.class,
        () -> pool().runtimeEnv(Map.of("java_jars", List.of(missing))).build());
    assertEquals("runtime_env_setup_failed", error.details().get("reason"), error::getMessage);
    assertTrue(error.getMessage().contains("runtime_env_agent.log") && error.getMessage().contains(missing), error.getMessage());
    assertTrue(((List<?>) error.details().get("java_jars")).contains(missing), error.details().toString());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 90, "typed within the scheduling timeout");
  }

  @Test
  void codeIsUploadedOncePerContentAndWorkersRunFromItAlone() {
    List<String> packages;
    try (RayActorExecutor first = pool().build()) {
      packages = first.packages();
      assertEquals(1, packages.size(), packages.toString());
      assertTrue(packages.get(0).matches("gcs://_ray_pkg_[0-9a-f]{40}\\.zip"), packages.toString());
      io.synapse.examples.ray.jobs.Probe probe = first.execute(io.synapse.examples.ray.jobs.ProbeAction_Descriptor.INSTANCE,
          new io.synapse.examples.ray.jobs.ProbeParams(List.of(), null, List.of()));
      assertEquals(null, probe.codeSearchPath(), "no code search path reaches the workers");
      String driverClasses = java.nio.file.Path.of("target", "classes").toAbsolutePath().toString();
      assertTrue(!probe.classPath().contains(driverClasses), "no driver path on the worker's class path: " + probe.classPath());
      assertTrue(probe.classPath().contains(packages.get(0).substring("gcs://".length()).replace(".zip", "")), probe.classPath());
    }
    try (RayActorExecutor second = pool().build()) {
      assertEquals(packages, second.packages(), "same code, same package");
      assertEquals(0, second.packageUploads(), "the cluster had it: nothing uploaded");
    }
  }

  @Test
  void anInvalidRecordBuiltInJavaIsRefusedOnTheDriverOrByTheWorkerWithTheSameViolations() {
    EchoParams invalid = new EchoParams("m", -5, false);
    List<Violation> expected = List.of(new Violation("sleep_millis", "must be greater than or equal to 0", "PositiveOrZero"));
    try (RayActorExecutor checked = pool().build(); RayActorExecutor unchecked = pool().validateOnDriver(false).build()) {
      assertEquals(expected, assertThrows(ValidationError.class, () -> RayDemo.echo(invalid, checked)).violations(), "on the driver");
      assertEquals(expected, assertThrows(ValidationError.class, () -> RayDemo.echo(invalid, unchecked)).violations(), "by the worker");
      assertEquals(expected, assertThrows(ValidationError.class,
          () -> unchecked.execute(EchoAction_Descriptor.INSTANCE, Map.of("message", "m", "sleepMillis", -5))).violations());
    }
  }
}
