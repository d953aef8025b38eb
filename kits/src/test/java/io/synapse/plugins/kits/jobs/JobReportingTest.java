package io.synapse.plugins.kits.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.kits.client.BackendError;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import io.synapse.plugins.kits.testplugin.Faults;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kit runs with a job id report status, progress, metrics and logs to that job on the local backend. */
class JobReportingTest {
  @TempDir Path temp;
  KitWorld world;
  Map<String, Object> params;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
    Images.png(world.storageDir.resolve("incoming/image_1/cat.png"), 8, 8, 1);
    Images.png(world.storageDir.resolve("incoming/image_1/dog.png"), 8, 8, 2);
    params = new LinkedHashMap<>(Map.of("name", "up", "storage", world.storage.id(), "dataCollection", world.collection.id(),
        "path", "incoming"));
  }

  static Map<String, Object> map(Object value) {
    return KitJson.asMap(value);
  }

  @Test
  void aSucceededRunLeavesItsStatusProgressMetricsAndLogsOnTheJob() {
    world.runAsJob("upload", params, "4242", Map.of(JobReporting.INTERVAL_VARIABLE, "0"));
    Map<String, Object> job = world.backend.getJob("4242").raw();
    assertEquals("SUCCEEDED", job.get("status"));
    Map<String, Object> progress = map(job.get("progress_record"));
    assertEquals(100.0, ((Number) map(progress.get("current_progress")).get("overall")).doubleValue(), progress.toString());
    Map<String, Object> steps = map(map(progress.get("record")).get("steps"));
    assertEquals(100.0, ((Number) map(steps.get("upload_files")).get("percent")).doubleValue(), steps.toString());
    Map<String, Object> metrics = map(map(map(job.get("metrics_record")).get("record")).get("steps"));
    assertEquals(2, ((Number) map(metrics.get("upload_files")).get("success")).intValue(), metrics.toString());
    List<Map<String, Object>> logs = world.backend.jobLogs("4242");
    assertTrue(logs.stream().allMatch(log -> "4242".equals(log.get("job")) && log.get("datetime") != null), logs.toString());
    assertTrue(logs.stream().anyMatch(log -> "upload_finished".equals(log.get("event"))), logs.toString());
    long expected = world.sink.events(io.synapse.plugins.events.EventType.LOG).size()
        + world.sink.events(io.synapse.plugins.events.EventType.MESSAGE).size();
    assertTrue(logs.size() >= 3 && logs.size() <= expected, logs.size() + " of " + expected);
  }

  @Test
  void aFailedRunIsFailedWithTheError() {
    assertThrows(StepError.class, () -> world.runAsJob("upload", params, "77", Map.of(Faults.VARIABLE, "upload_files")));
    Map<String, Object> job = world.backend.getJob("77").raw();
    assertEquals("FAILED", job.get("status"));
    assertTrue(String.valueOf(map(job.get("result")).get("error")).contains("injected_fault"), job.toString());
  }

  @Test
  void offOrNoJobIdReportsNothing() {
    world.runAsJob("upload", params, "9", Map.of(JobReporting.VARIABLE, "off"));
    assertThrows(BackendError.class, () -> world.backend.getJob("9"));
    world.run("upload", params);
    assertEquals(List.of(), world.backend.jobLogs("9"));
  }
}
