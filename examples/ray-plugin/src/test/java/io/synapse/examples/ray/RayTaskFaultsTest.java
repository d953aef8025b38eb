package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.testing.ray.LocalRayHead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The head stops while a TASK call runs: the driver's call ends in a typed {@code ExecutionError}
 * within a bounded time instead of hanging. The driver is a child JVM on a head of its own (the test kit's
 * {@link LocalRayHead}, not the run's shared one).
 */
class RayTaskFaultsTest {
  private static final Path STATE = Path.of("target", "ray-state-task-faults").toAbsolutePath();

  private LocalRayHead head;

  @AfterEach
  void stopHead() {
    if (head != null) {
      head.close();
    }
  }

  @Test
  void aHeadStoppedMidCallEndsTheCallWithATypedErrorInBoundedTime() throws Exception {
    head = LocalRayHead.start(LocalRayHead.Settings.defaults().withStateDirectory(STATE));
    String address = head.info().address();
    String dashboard = head.info().dashboardUrl();
    Path out = Files.createTempFile("head-stop-driver", ".out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(io.synapse.plugins.executors.ray.RayActorExecutor.driverJvmFlags());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeadStopDriver.class.getName(), address, dashboard));
    Process driver = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
      while (!Files.readString(out, StandardCharsets.UTF_8).contains("READY") && System.nanoTime() < deadline && driver.isAlive()) {
        Thread.sleep(200);
      }
      assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("READY"), "the driver never started: " + Files.readString(out));
      Thread.sleep(2000);
      head.close();
      assertTrue(driver.waitFor(90, TimeUnit.SECONDS), "the driver hung after its head stopped");
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertTrue(output.contains("ERROR io.synapse.plugins.errors.ExecutionError execution_error"), output);
      long millis = Long.parseLong(output.substring(output.lastIndexOf(' ') + 1).trim());
      assertTrue(millis < 60_000, "the call ended " + millis + " ms after it started, before its own minute was up");
    } finally {
      driver.destroyForcibly();
      Files.deleteIfExists(out);
    }
  }
}
