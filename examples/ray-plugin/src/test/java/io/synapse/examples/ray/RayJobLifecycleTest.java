package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.ray.jobs.RecordedStepsAction_Descriptor;
import io.synapse.examples.ray.jobs.RecordedStepsParams;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.errors.JobConflictError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.executors.ray.RayOptions;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JOB identity and cancellation on a real local Ray head: the caller's job id is the submission id, a resubmit
 * of the same request (one after the other, or by 8 submitters at once) gives the one existing job, another
 * request under a taken id is a typed conflict, and stopping a job reaches the action (its steps roll back; one
 * that ignores the stop is ended after the grace period).
 */
@WithRayHead
class RayJobLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(180);
  private static String address;
  private static String dashboard;

  @TempDir
  Path temp;

  @BeforeAll
  static void cluster(RayHead head) {
    address = head.address();
    dashboard = head.dashboardUrl();
  }

  private static RayJobExecutor.Builder jobs() {
    return RayJobExecutor.builder().dashboardUrl(dashboard).sink(new RecordingSink());
  }

  private static String freshId(String what) {
    return "test-" + what + "-" + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
  }

  private static long jobsWithId(RayJobExecutor executor, String id) {
    return executor.list().stream().filter(job -> id.equals(job.submissionId())).count();
  }

  @Test
  void theCallersJobIdIsTheSubmissionIdAndASameRequestResubmitReturnsTheExistingJob() throws Exception {
    Path record = temp.resolve("record.txt");
    String id = freshId("resubmit");
    RecordedStepsParams params = new RecordedStepsParams(record.toString(), 1, 2000, false);
    RayJobExecutor executor = jobs().jobId(id).build();
    assertEquals(id, executor.submit(RecordedStepsAction_Descriptor.INSTANCE, params).id());
    assertEquals(id, executor.submit(RecordedStepsAction_Descriptor.INSTANCE, params).id(), "the same request: the same job");
    assertEquals(id, jobs().jobId(id).build().submit(RecordedStepsAction_Descriptor.INSTANCE, params).id(), "from a fresh executor too");
    assertEquals(1, executor.attach(id, RecordedStepsAction_Descriptor.INSTANCE).await(WAIT));
    assertEquals(id, jobs().jobId(id).build().submit(RecordedStepsAction_Descriptor.INSTANCE, params).id(), "after it ended, too");
    assertEquals(List.of("run s1"), Files.readAllLines(record), "the action ran once");
    assertEquals(1, jobsWithId(executor, id));

    RecordedStepsParams other = new RecordedStepsParams(record.toString(), 2, 2000, false);
    JobConflictError conflict = assertThrows(JobConflictError.class, () -> executor.submit(RecordedStepsAction_Descriptor.INSTANCE, other));
    assertTrue(conflict.getMessage().contains("'" + id + "'"), conflict.getMessage());
    assertEquals(id, conflict.details().get("job_id"), conflict.details().toString());
    assertEquals(List.of("run s1"), Files.readAllLines(record), "nothing ran for the conflicting request");
  }

  @Test
  void eightConcurrentSubmittersOfOneIdEndInExactlyOneJob() throws Exception {
    Path record = temp.resolve("record.txt");
    String id = freshId("concurrent");
    RecordedStepsParams params = new RecordedStepsParams(record.toString(), 1, 1000, false);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> submits = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        RayJobExecutor executor = jobs().jobId(id).build();
        Callable<String> submit = () -> {
          start.await();
          return executor.submit(RecordedStepsAction_Descriptor.INSTANCE, params).id();
        };
        submits.add(threads.submit(submit));
      }
      start.countDown();
      for (Future<String> submit : submits) {
        assertEquals(id, submit.get(180, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    RayJobExecutor executor = jobs().build();
    assertEquals(1, executor.attach(id, RecordedStepsAction_Descriptor.INSTANCE).await(WAIT));
    assertEquals(List.of("run s1"), Files.readAllLines(record), "one job ran the action once");
    assertEquals(1, jobsWithId(executor, id));
  }

  @Test
  void anInvalidJobIdIsRefusedBeforeAnythingIsSubmitted() {
    for (String bad : List.of("", "-leading-dash", "has space", "slash/inside", "dots/../up", "x".repeat(129), "semi;colon", "ünicode")) {
      PluginError error = assertThrows(PluginError.class, () -> jobs().jobId(bad).build(), bad);
      assertEquals(ContextSettings.INVALID_JOB_ID, error.code(), bad);
      PluginError viaRun = assertThrows(PluginError.class, () -> PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "m"),
          ExecutionMode.JOB, RunOptions.builder().option(RayOptions.DASHBOARD_URL, dashboard).jobId(bad).build()), bad);
      assertEquals(ContextSettings.INVALID_JOB_ID, viaRun.code(), bad);
    }
  }

  @Test
  void theActionSeesTheCallersJobIdInEveryMode() {
    String id = freshId("modes");
    RunOptions.Builder options = RunOptions.builder().option(RayOptions.ADDRESS, address).option(RayOptions.DASHBOARD_URL, dashboard)
        .sink(new RecordingSink()).jobId(id);
    Echo local = (Echo) PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "m"), ExecutionMode.LOCAL, options.build());
    Echo task = (Echo) PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "m"), ExecutionMode.TASK, options.build());
    Object job = PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "m"), ExecutionMode.JOB, options.build());
    assertEquals(id, job, "runPlugin(JOB) returns the caller's job id");
    Echo fromJob = (Echo) jobs().build().wait(id, WAIT);
    assertEquals(List.of(id, id, id), List.of(local.jobId(), task.jobId(), fromJob.jobId()), "LOCAL, TASK, JOB");
  }

  @Test
  void stoppingAJobReachesTheActionWhoseStepsRollBackOnce() throws Exception {
    Path record = temp.resolve("record.txt");
    RayJobExecutor executor = jobs().build();
    String id = executor.submit(RecordedStepsAction_Descriptor.INSTANCE, new RecordedStepsParams(record.toString(), 4, 60_000, false)).id();
    LocalCancellationTest.awaitLine(record, "run s2");
    assertTrue(executor.stop(id));
    CancelledError error = assertThrows(CancelledError.class, () -> executor.attach(id, RecordedStepsAction_Descriptor.INSTANCE).await(WAIT));
    assertEquals("STOPPED", error.details().get("status"));
    assertEquals(List.of("s2", "s1"), error.details().get("rolled_back"), error.details().toString());
    assertEquals(JobStatus.STOPPED, executor.getStatus(id));
    assertEquals(List.of("run s1", "run s2", "rollback s2 cancelled=true", "rollback s1 cancelled=true"), Files.readAllLines(record));
  }

  @Test
  void aJobThatIgnoresTheStopIsEndedAfterTheGracePeriod() throws Exception {
    Path record = temp.resolve("record.txt");
    RayJobExecutor executor = jobs().cancelGrace(Duration.ofSeconds(2)).build();
    String id = executor.submit(RecordedStepsAction_Descriptor.INSTANCE, new RecordedStepsParams(record.toString(), 2, 600_000, true)).id();
    LocalCancellationTest.awaitLine(record, "run s1");
    long stopped = System.nanoTime();
    assertTrue(executor.stop(id));
    CancelledError error = assertThrows(CancelledError.class, () -> executor.attach(id, RecordedStepsAction_Descriptor.INSTANCE).await(WAIT));
    assertEquals("STOPPED", error.details().get("status"));
    assertTrue(Duration.ofNanos(System.nanoTime() - stopped).toSeconds() < 120, "ended long before the step's ten minutes");
    Thread.sleep(3000);
    assertEquals(List.of("run s1"), Files.readAllLines(record), "it was ended without a rollback and ran no further step");
  }
}
