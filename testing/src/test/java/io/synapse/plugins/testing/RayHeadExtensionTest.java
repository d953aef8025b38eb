package io.synapse.plugins.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.testing.fixture.CountAction;
import io.synapse.plugins.testing.fixture.CountParams;
import io.synapse.plugins.testing.fixture.Counted;
import io.synapse.plugins.testing.ray.LocalRayHead;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test kit against the extension's real Ray head: TASK and JOB runs, and a head that stops exactly what it started. */
@WithRayHead
class RayHeadExtensionTest {
  private static final ActionTester<CountParams, Counted> COUNT = ActionTester.of(CountAction.class).env("GREETING", "hej");

  @Test
  void theHeadListensOnLoopbackWhereItSays(RayHead head) {
    assertTrue(head.address().startsWith("127.0.0.1:"), head.address());
    assertTrue(head.dashboardUrl().startsWith("http://127.0.0.1:"), head.dashboardUrl());
    assertTrue(accepts(head.address()), "the GCS port accepts connections");
  }

  @Test
  void theBuildGivesThisJvmTheFlagsRayNeeds() {
    // The parent pom spells the flags out for this repository's tests; they must stay the backend's own.
    assertTrue(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
        .containsAll(RayActorExecutor.driverJvmFlags()), "synapse.ray.argLine holds every flag of driverJvmFlags()");
  }

  @Test
  void taskRunsOnAWorkerWithTheSameAssertions(RayHead head) {
    ActionRun<Counted> run = COUNT.onTask(head).run(Map.of("input", "abc", "repeat", 4));
    run.assertSucceeded()
        .assertProgressCompleted()
        .assertMetric("count", "counted", 4)
        .assertLogged("count_started", Map.of("input", "abc"))
        .assertMessage("Counted 4 items");
    assertEquals(ExecutionMode.TASK, run.mode());
    assertEquals("hej", run.result().greeting(), "the environment travels to the worker");
    assertNotEquals(ProcessHandle.current().pid(), run.result().pid(), "a Ray worker ran it");
    COUNT.onTask(head).run(Map.of("repeat", 0)).assertInvalid("input", "repeat");
    COUNT.onTask(head).run(Map.of("input", "x", "fail", true)).assertFailedWith(io.synapse.plugins.errors.ExecutionError.class);
  }

  @Test
  void jobRunsAsARayJob(RayHead head) {
    ActionRun<Counted> run = COUNT.onJob(head).jobTimeout(Duration.ofMinutes(4)).run(new CountParams("job", 2, 0, false));
    assertEquals(2, run.result().count());
    assertEquals("hej", run.result().greeting());
    assertNotEquals(ProcessHandle.current().pid(), run.result().pid());
  }

  @Test
  void aSecondHeadStopsExactlyWhatItStarted(RayHead shared, @TempDir Path state) {
    LocalRayHead.Settings settings = LocalRayHead.Settings.defaults().withNumCpus(1).withStateDirectory(state);
    RayHead second;
    try (LocalRayHead head = LocalRayHead.start(settings)) {
      second = head.info();
      assertNotEquals(shared.address(), second.address(), "every port is picked free");
      assertNotEquals(shared.processGroup(), second.processGroup());
      assertTrue(head.running());
      assertTrue(accepts(second.address()));
      head.close();
      assertFalse(head.running(), "no process of its group is left");
    }
    assertFalse(accepts(second.address()), "its GCS port is closed");
    assertTrue(accepts(shared.address()), "the other head is untouched");
  }

  private static boolean accepts(String address) {
    String[] parts = address.split(":");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
