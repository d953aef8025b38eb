package io.synapse.examples.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.EventType;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.context.RecordingSink;
import io.synapse.plugins.errors.PipelineError;
import io.synapse.plugins.executors.ray.JobStatus;
import io.synapse.plugins.executors.ray.RayJobBackend;
import io.synapse.plugins.executors.ray.RayOptions;
import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.PipelineEvents;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.RunStatus;
import io.synapse.plugins.pipeline.jdbc.PostgresServer;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real local Ray head: TASK (each action on the warm pool), JOB (the whole pipeline as one
 * Ray job, and each action as a job of its own), and a JOB stopped in its second action and resumed as a new
 * job, to the result of a LOCAL run, without running the first action again.
 */
@WithRayHead
@ExtendWith(PostgresServer.class)
class RayPipelineTest {
  private static String address;
  private static String dashboard;
  private static final Duration WAIT = Duration.ofMinutes(5);
  @TempDir Path temp;
  private Path source;
  private Trained local;

  @BeforeAll
  static void cluster(RayHead head) {
    address = head.address();
    dashboard = head.dashboardUrl();
  }

  @BeforeEach
  void localReference() throws Exception {
    source = DemoRuns.sourceDir(temp);
    Path reference = Files.createDirectories(temp.resolve("reference"));
    local = (Trained) PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(source), ExecutionMode.LOCAL,
        DemoRuns.options(DemoRuns.storeUrl("sqlite", reference), reference, null, Map.of()).build());
  }

  private RunOptions.Builder ray(String store, Path work, RecordingSink sink, Map<String, String> env) {
    return DemoRuns.options(store, work, sink, env).option(RayOptions.ADDRESS, address)
        .option(RayOptions.DASHBOARD_URL, dashboard);
  }

  private void assertSameModel(Trained remote) {
    assertEquals(local.weight(), remote.weight());
    assertEquals(local.bias(), remote.bias());
    assertEquals(local.loss(), remote.loss());
  }

  @Test
  void taskModeSendsEachActionToThePool() throws Exception {
    RecordingSink sink = new RecordingSink();
    Path work = Files.createDirectories(temp.resolve("task"));
    String store = DemoRuns.storeUrl("sqlite", work);
    RunOptions options = ray(store, work, sink, Map.of()).option(Pipelines.RUN_ID_OPTION, "task-run").build();
    Trained remote = assertInstanceOf(Trained.class,
        PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(source), ExecutionMode.TASK, options));
    assertSameModel(remote);
    assertEquals(List.of("fetch", "convert", "train"), DemoRuns.started(work));
    assertEquals(work.resolve("runs/task-run/models/weights.json"), Path.of(remote.modelPath()), "the run directory travels with the run");
    RunRecord run = Pipelines.status("task-run", options);
    assertEquals(RunStatus.COMPLETED, run.status());
    assertEquals("task", run.mode());
    assertTrue(sink.events().stream().anyMatch(e -> "train".equals(e.action()) && e.type() == EventType.METRICS),
        "the workers' events reach the driver's sink");
    assertTrue(sink.events().stream().anyMatch(e -> "pipeline_completed".equals(e.name())));
  }

  @Test
  void jobModeRunsTheWholePipelineAsOneJobRecordedInPostgres() throws Exception {
    Path work = Files.createDirectories(temp.resolve("job"));
    String store = PostgresServer.freshUrl();
    RunOptions options = ray(store, work, new RecordingSink(), Map.of()).build();
    String runId = assertInstanceOf(String.class,
        PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(source), ExecutionMode.JOB, options));
    Trained remote = assertInstanceOf(Trained.class, Pipelines.await(runId, WAIT, options));
    assertSameModel(remote);
    assertEquals(List.of("fetch", "convert", "train"), DemoRuns.started(work));
    RunRecord run = Pipelines.status(runId, options);
    assertEquals("job", run.mode());
    assertNotNull(run.jobId());
    assertEquals(JobStatus.SUCCEEDED, RayJobBackend.executor(options).getStatus(run.jobId()));
    List<PluginEvent> events = RayJobBackend.executor(options).getEvents(run.jobId());
    assertTrue(events.stream().anyMatch(e -> PipelineEvents.CATEGORY.equals(e.category()) && "pipeline_completed".equals(e.name())),
        "the job's log carries the pipeline's events");
    // The typed facade waits for the job itself.
    Trained facade = PipelineDemo.trainFlowPipeline(DemoRuns.initial(source), ExecutionMode.JOB, options);
    assertSameModel(facade);
  }

  @Test
  void jobModeCanRunEachActionAsAJobOfItsOwn() throws Exception {
    Path work = Files.createDirectories(temp.resolve("jobs"));
    RunOptions options = ray(DemoRuns.storeUrl("sqlite", work), work, new RecordingSink(), Map.of())
        .option(Pipelines.JOB_PER_ACTION_OPTION, true).option(Pipelines.RUN_ID_OPTION, "per-action").build();
    Trained remote = assertInstanceOf(Trained.class,
        PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(source), ExecutionMode.JOB, options));
    assertSameModel(remote);
    assertEquals(List.of("fetch", "convert", "train"), DemoRuns.started(work));
  }

  @Test
  void aJobStoppedInItsSecondActionIsResumedByANewJobToTheSameResult() throws Exception {
    Path work = Files.createDirectories(temp.resolve("stopped"));
    String store = DemoRuns.storeUrl("sqlite", work);
    RunOptions held = ray(store, work, new RecordingSink(), Map.of("PIPELINE_DEMO_HOLD", "convert"))
        .option(Pipelines.RUN_ID_OPTION, "stopped-run").build();
    String runId = (String) PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(source), ExecutionMode.JOB, held);
    LocalPipelineTest.awaitRunning(held, runId, 1);
    String jobId = Pipelines.status(runId, held).jobId();
    assertTrue(RayJobBackend.executor(held).stop(jobId));
    awaitJobEnd(held, jobId);
    PipelineError orphaned = assertThrows(PipelineError.class, () -> Pipelines.await(runId, WAIT, held));
    assertTrue(orphaned.getMessage().contains("ended without ending the run"), orphaned.getMessage());
    assertEquals(List.of("fetch", "convert"), DemoRuns.started(work));
    assertEquals(ActionStatus.COMPLETED, Pipelines.status(runId, held).actions().get(0).status());

    RunOptions plain = ray(store, work, new RecordingSink(), Map.of()).build();
    Trained resumed = assertInstanceOf(Trained.class, Pipelines.resume(runId, ExecutionMode.JOB, plain));
    assertSameModel(resumed);
    assertEquals(List.of("fetch", "convert", "convert", "train"), DemoRuns.started(work), "fetch ran once");
    RunRecord done = Pipelines.status(runId, plain);
    assertEquals(RunStatus.COMPLETED, done.status());
    assertEquals(ActionStatus.SKIPPED, done.actions().get(0).status());
  }

  @Test
  void cancellingAJobRunStopsItsCurrentAction() throws Exception {
    Path work = Files.createDirectories(temp.resolve("cancel"));
    RunOptions held = ray(DemoRuns.storeUrl("sqlite", work), work, new RecordingSink(), Map.of("PIPELINE_DEMO_HOLD", "convert"))
        .option(Pipelines.RUN_ID_OPTION, "cancel-run").build();
    String runId = (String) PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(source), ExecutionMode.JOB, held);
    LocalPipelineTest.awaitRunning(held, runId, 1);
    CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> Pipelines.await(runId, WAIT, held));
    assertTrue(Pipelines.cancel(runId, held));
    PipelineError cancelled = assertInstanceOf(PipelineError.class,
        assertThrows(java.util.concurrent.ExecutionException.class, () -> waiting.get(5, TimeUnit.MINUTES)).getCause());
    assertEquals(PipelineError.CANCELLED, cancelled.code());
    assertEquals("convert", cancelled.action().orElseThrow());
    assertEquals(RunStatus.CANCELLED, Pipelines.status(runId, held).status());
  }

  private static void awaitJobEnd(RunOptions options, String jobId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!RayJobBackend.executor(options).getStatus(jobId).isTerminal()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + jobId + " did not stop");
      }
      Thread.sleep(200);
    }
  }
}
