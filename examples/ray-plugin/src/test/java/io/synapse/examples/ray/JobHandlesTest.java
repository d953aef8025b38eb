package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.JobExecutor;
import io.synapse.plugins.executors.JobHandle;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typed job handles from the generated facade and the executor, re-attached by id; one executor shape for all three modes. */
@WithRayHead
class JobHandlesTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static String address;
  private static String dashboard;

  @BeforeAll
  static void cluster(RayHead head) {
    address = head.address();
    dashboard = head.dashboardUrl();
  }

  private static RayJobExecutor.Builder jobs() {
    return RayJobExecutor.builder().dashboardUrl(dashboard).sink(new RecordingSink());
  }

  @Test
  void theFacadeSubmitsATypedJobThatAFreshExecutorReattachesById() {
    JobExecutor jobs = jobs().build();
    JobHandle<Echo> job = RayDemo.submitEcho(new EchoParams("typed", 0, false), jobs);
    assertTrue(job.id().startsWith("synapse-echo-"), job.id());
    assertTrue(List.of(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.SUCCEEDED).contains(job.status()));
    Echo echo = job.await(WAIT);
    assertEquals("typed", echo.message());
    assertEquals(job.id(), echo.jobId(), "the action's job id is the handle's");
    assertEquals(JobStatus.SUCCEEDED, job.status());
    assertEquals(Map.of("echo", new io.synapse.plugins.events.PluginEvent.Progress(1, 1)), job.progress());
    assertTrue(job.logs().contains("@@synapse-job-result-end"), job.logs());
    assertEquals(false, job.cancel(), "it had ended");

    JobHandle<Echo> again = RayDemo.attachEcho(job.id(), jobs().build());
    assertEquals(echo, again.await(WAIT));
    Object untyped = jobs().build().attach(job.id()).await(WAIT);
    assertEquals(echo, untyped, "the plugin is on this class path: found by the job's code among the registries");
  }

  @Test
  void oneFacadeCallRunsOnEveryExecutor() {
    EchoParams params = new EchoParams("everywhere", 0, false);
    try (RayActorExecutor pool = RayActorExecutor.builder().address(address).dashboardUrl(dashboard)
        .sink(new RecordingSink()).scheduleTimeout(Duration.ofSeconds(120)).build()) {
      List<Executor> executors = List.of(LocalExecutor.builder().sink(new RecordingSink()).build(), pool, jobs().build());
      for (Executor executor : executors) {
        Echo echo = RayDemo.echo(params, executor);
        assertEquals("everywhere", echo.message(), executor.mode().name());
      }
      assertEquals(List.of("LOCAL", "TASK", "JOB"), executors.stream().map(e -> e.mode().name()).toList());
    }
  }

  @Test
  void theSeedsStringEntrypointNamesAnActionByNameOrClass() {
    RayJobExecutor jobs = jobs().plugin("ray_demo").build();
    Object byName = jobs.submit("word-count", Map.of("lines", List.of("a b a"))).await(WAIT);
    Object byClass = jobs.submit(WordCountAction.class.getName(), Map.of("lines", List.of("b"))).await(WAIT);
    assertEquals(new WordCount(Map.of("a", 2, "b", 1), 3), byName);
    assertEquals(new WordCount(Map.of("b", 1), 1), byClass);

    ActionNotFoundError unknown = assertThrows(ActionNotFoundError.class, () -> jobs.submit("wordcount", Map.of()));
    assertEquals(List.of("echo", "noop", "word-count"), unknown.available());
    assertEquals("word-count", unknown.suggestion().orElseThrow());
    assertThrows(ActionNotFoundError.class, () -> jobs.submit("com.acme.TrainAction", Map.of()));
    ConfigError noPlugin = assertThrows(ConfigError.class, () -> jobs().build().submit("word-count", Map.of()));
    assertTrue(noPlugin.getMessage().contains("builder().plugin(...)"), noPlugin.getMessage());
  }

  @Test
  void aBlockingCallThatGivesUpStopsItsJob() throws Exception {
    RecordingSink sink = new RecordingSink();
    RayJobExecutor jobs = jobs().sink(sink).executeTimeout(Duration.ofSeconds(3)).build();
    PluginError error = assertThrows(PluginError.class, () -> RayDemo.echo(new EchoParams("slow", 120_000, false), jobs));
    assertEquals(RayJobExecutor.TIMEOUT, error.code());
    String id = String.valueOf(error.details().get("submission_id"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!jobs.getStatus(id).isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(JobStatus.STOPPED, jobs.getStatus(id), "nothing keeps running behind a call that gave up");
    assertInstanceOf(String.class, id);
  }
}
