package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.ray.jobs.StepsAction_Descriptor;
import io.synapse.examples.ray.jobs.StepsParams;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.testing.ray.LocalRayHead;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The head of a cluster stops while a job runs: waiting ends in a typed error within a bounded time,
 * and the same executor works again once a head is back at the same dashboard address. Uses a head of
 * its own (the test kit's {@link LocalRayHead} with a fixed dashboard port), not the run's shared one.
 */
class RayJobFaultsTest {
  private static final Path STATE = Path.of("target", "ray-state-faults").toAbsolutePath();

  private LocalRayHead head;

  @AfterEach
  void stopHead() {
    if (head != null) {
      head.close();
    }
  }

  @Test
  void aHeadStoppedMidJobIsATypedErrorAndTheExecutorRecoversWhenAHeadIsBack() throws Exception {
    int dashboardPort = freePort();
    LocalRayHead.Settings settings = LocalRayHead.Settings.defaults().withStateDirectory(STATE).withDashboardPort(dashboardPort);
    head = LocalRayHead.start(settings);
    // Generous: a freshly started head of a loaded machine can take long to accept its first job.
    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl("http://127.0.0.1:" + dashboardPort)
        .sink(new RecordingSink()).requestTimeout(Duration.ofSeconds(30)).build();
    String id = jobs.submit(StepsAction_Descriptor.INSTANCE, new StepsParams(60, 1000, "", false, List.of())).id();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (jobs.getStatus(id) != io.synapse.plugins.executors.JobStatus.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    head.close();

    long started = System.nanoTime();
    PluginError error = assertThrows(PluginError.class, () -> jobs.wait(id, Duration.ofMinutes(2)));
    assertEquals(RayJobExecutor.DASHBOARD_UNREACHABLE, error.code(), error.getMessage());
    assertTrue(error.getMessage().contains("127.0.0.1:" + dashboardPort), error.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 60, "the error came within a bounded time");

    head = LocalRayHead.start(settings);
    String again = jobs.submit(NoopAction_Descriptor.INSTANCE, io.synapse.plugins.action.NoParams.INSTANCE).id();
    assertEquals("ok", jobs.wait(again, Duration.ofMinutes(3)), "the same executor works once the cluster is back");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
