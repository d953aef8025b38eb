package io.synapse.plugins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.PluginError;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultTest {

  @Test
  void okCarriesDataAndRollbackData() {
    Map<String, Object> data = new HashMap<>(Map.of("rows", 3));
    StepResult result = StepResult.ok(data, Map.of("file", "/tmp/x"));
    data.put("rows", 4);
    assertTrue(result.success());
    assertFalse(result.skipped());
    assertNull(result.error());
    assertEquals(Map.of("rows", 3), result.data(), "data is copied");
    assertEquals(Map.of("file", "/tmp/x"), result.rollbackData());
    assertThrows(UnsupportedOperationException.class, () -> result.data().put("x", 1));
  }

  @Test
  void failureKeepsItsErrorAndAReasonBecomesAPluginError() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertEquals(boom, StepResult.failure(boom).error());
    StepResult reason = StepResult.failure("disk full");
    assertFalse(reason.success());
    PluginError error = assertInstanceOf(PluginError.class, reason.error());
    assertEquals("step_failed", error.code());
    assertEquals("disk full", error.getMessage());
  }

  @Test
  void skippedIsASuccessAndRollbackDataCanBeAddedLater() {
    StepResult skipped = StepResult.skippedStep();
    assertTrue(skipped.success());
    assertTrue(skipped.skipped());
    assertEquals(Map.of("id", 7), StepResult.ok().withRollbackData(Map.of("id", 7)).rollbackData());
  }

  @Test
  void inconsistentResultsAreRejected() {
    Instant now = Instant.now();
    assertThrows(IllegalArgumentException.class, () -> new StepResult(true, false, null, new RuntimeException(), null, now));
    assertThrows(IllegalArgumentException.class, () -> new StepResult(false, false, null, null, null, now));
    assertThrows(IllegalArgumentException.class, () -> new StepResult(false, true, null, new RuntimeException(), null, now));
  }
}
