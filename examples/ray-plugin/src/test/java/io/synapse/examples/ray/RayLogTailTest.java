package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.ray.jobs.StepsAction_Descriptor;
import io.synapse.examples.ray.jobs.StepsParams;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A log tail and dashboard requests across a dashboard restart, on a real local Ray head seen through a
 * {@link RestartableProxy}: the tail reconnects and ends with exactly the job's log (no line lost or repeated,
 * the secret hidden), and a status read while the dashboard is down is retried until it answers.
 */
@WithRayHead
class RayLogTailTest {

  @Test
  void aLogTailContinuesAcrossADashboardRestartWithoutLosingOrRepeatingLines(RayHead head) throws Exception {
    String token = "tok-tail-5c1f9e-secret";
    try (RestartableProxy proxy = new RestartableProxy(head.dashboardUrl())) {
      RecordingSink sink = new RecordingSink();
      RayJobExecutor executor = RayJobExecutor.builder().dashboardUrl(proxy.url()).requestTimeout(Duration.ofSeconds(30)).maxRetries(10)
          .sink(sink).build();
      String id = executor.submit(StepsAction_Descriptor.INSTANCE, new StepsParams(40, 300, token, false, List.of())).id();
      StringBuffer streamed = new StringBuffer();
      CompletableFuture<Void> tail = executor.tailLogs(id, streamed::append);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (count(streamed, "\"current\":") < 5 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(count(streamed, "\"current\":") >= 5, "the tail streamed the first steps: " + streamed);
      int before = proxy.connections();
      CompletableFuture<JobStatus> statusWhileDown = new CompletableFuture<>();
      Thread restart = new Thread(() -> {
        try {
          proxy.restart(Duration.ofSeconds(3));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      restart.start();
      Thread.sleep(500);
      CompletableFuture.runAsync(() -> statusWhileDown.complete(executor.getStatus(id)));
      restart.join();
      assertEquals(JobStatus.RUNNING, statusWhileDown.get(120, TimeUnit.SECONDS), "read once the dashboard was back");
      tail.get(180, TimeUnit.SECONDS);
      assertTrue(proxy.connections() > before, "the tail connected again");
      String log = executor.getLogs(id);
      assertEquals(log, streamed.toString(), "the tail holds the job's log exactly: nothing lost, nothing repeated");
      assertEquals(40, count(streamed, "\"current\":"), "each step's line once");
      assertTrue(!streamed.toString().contains(token) && streamed.toString().contains("starting with token ***"), streamed.toString());
      List<PluginEvent> retries = sink.events(EventType.LOG).stream().filter(e -> RetryPolicy.RETRY_EVENT.equals(e.name())).toList();
      assertTrue(!retries.isEmpty(), "the status read was retried while the dashboard was down");
      assertTrue(String.valueOf(retries.get(0).data().get("request")).startsWith("GET "), retries.toString());
    }
  }

  private static int count(CharSequence text, String what) {
    int count = 0;
    for (int at = text.toString().indexOf(what); at >= 0; at = text.toString().indexOf(what, at + 1)) {
      count++;
    }
    return count;
  }
}
