package com.acme.imagetools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.synapse.plugins.testing.ActionRun;
import io.synapse.plugins.testing.ActionTester;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's plugin tested with the test kit: LOCAL in this JVM, TASK on the local Ray head of the test run. */
@WithRayHead
class ImageToolsTestKitTest {
  private static final ActionTester<ResizeParams, Map<String, Object>> RESIZE = ActionTester.of(ResizeAction.class);
  private static final Map<String, Object> PARAMS = Map.of(
      "images", List.of(Map.of("name", "cat", "width", 1000, "height", 500), Map.of("name", "dog", "width", 10, "height", 10)),
      "size", Map.of("width", 100, "height", 100),
      "format", "jpeg");

  @Test
  void resizesLocally() {
    ActionRun<Map<String, Object>> run = RESIZE.run(PARAMS).assertSucceeded().assertProgressCompleted().assertNoWarnings();
    assertEquals(2, run.result().get("count"));
  }

  @Test
  void resizesOnARayWorkerWithTheSameResult(RayHead ray) {
    ActionRun<Map<String, Object>> local = RESIZE.run(PARAMS);
    ActionRun<Map<String, Object>> task = RESIZE.onTask(ray).run(PARAMS).assertSucceeded().assertProgressCompleted();
    assertEquals(local.result(), task.result());
    assertNotEquals(0, task.events().size(), "the worker's events reached this JVM");
  }

  @Test
  void invalidParamsNameEveryField() {
    RESIZE.run(Map.of("images", List.of(Map.of("name", "a", "width", 0, "height", 1)), "format", "gif"))
        .assertInvalid("images[0].width", "format");
  }
}
