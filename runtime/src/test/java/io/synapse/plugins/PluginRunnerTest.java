package io.synapse.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.fixture.FailingAction;
import io.synapse.plugins.fixture.GreetAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginRunnerTest {
  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void runsByCodeWithOptions() {
    RecordingSink sink = new RecordingSink();
    Object result = PluginRunner.runPlugin("test_plugin", "greet", Map.of("name", "ada", "times", "2"), ExecutionMode.LOCAL,
        RunOptions.builder().env(Map.of("SUFFIX", "?")).jobId("j1").sink(sink).build());
    assertEquals("hello ada? #j1", result);
    assertEquals(2, sink.events(EventType.PROGRESS).size());
  }

  @Test
  void runsByPackageAndWithModeText() {
    assertEquals("hello x", PluginRunner.runPlugin("io.synapse.plugins.fixture", "greet", Map.of("name", "x"), "LOCAL"));
  }

  @Test
  void cachesResolvedPlugins() {
    assertSame(PluginRunner.discover("test_plugin"), PluginRunner.discover("test_plugin"));
  }

  @Test
  void unknownModeNamesTheValidOnes() {
    PluginError error = assertThrows(PluginError.class,
        () -> PluginRunner.runPlugin("test_plugin", "greet", Map.of("name", "x"), "remote"));
    assertEquals("unknown_mode", error.code());
    assertTrue(error.getMessage().contains("local, task, job"), error.getMessage());
    assertEquals(ExecutionMode.TASK, ExecutionMode.of(" Task "));
  }

  @Test
  void remoteModesWithoutBackendNameTheArtifact() {
    PluginError error = assertThrows(PluginError.class,
        () -> PluginRunner.runPlugin("test_plugin", "greet", Map.of("name", "x"), ExecutionMode.TASK));
    assertEquals("backend_unavailable", error.code());
    assertTrue(error.getMessage().contains("synapse-plugins-ray"), error.getMessage());
  }

  @Test
  void badParamsAreValidationErrorsInEveryModeBeforeAnythingRuns() {
    int before = GreetAction.STARTED.get();
    for (ExecutionMode mode : ExecutionMode.values()) {
      ValidationError error = assertThrows(ValidationError.class,
          () -> PluginRunner.runPlugin("test_plugin", "greet", Map.of("times", 0), mode, RunOptions.defaults()));
      assertEquals(List.of("name", "times"), error.violations().stream().map(v -> v.path()).toList());
    }
    assertEquals(before, GreetAction.STARTED.get());
  }

  @Test
  void unknownPluginAndActionAreTyped() {
    assertThrows(PluginNotFoundError.class, () -> PluginRunner.runPlugin("nope", "greet", Map.of()));
    PluginNotFoundError path = assertThrows(PluginNotFoundError.class, () -> PluginRunner.runPlugin("/no/such/dir", "greet", Map.of()));
    assertTrue(path.getMessage().contains("no such path"), path.getMessage());
    ActionNotFoundError action = assertThrows(ActionNotFoundError.class, () -> PluginRunner.runPlugin("test_plugin", "gret", Map.of()));
    assertEquals("greet", action.suggestion().orElseThrow());
  }

  @Test
  void actionClassSkipsDiscovery() {
    RunOptions options = RunOptions.builder().actionClass(GreetAction.class).build();
    assertEquals("hello z", PluginRunner.runPlugin("not-a-plugin-code", "greet", Map.of("name", "z"), ExecutionMode.LOCAL, options));
    assertThrows(ExecutionError.class, () -> PluginRunner.runPlugin(null, "fail", null, ExecutionMode.LOCAL,
        RunOptions.builder().actionClass(FailingAction.class).build()));
    assertThrows(ActionNotFoundError.class, () -> PluginRunner.runPlugin(null, "other", null, ExecutionMode.LOCAL, options));
  }

  @Test
  void runsWithoutASinkPrintThrottledConsoleLines() {
    assertSame(io.synapse.plugins.events.ConsoleSink.standard(), RunOptions.defaults().sink());
    assertTrue(RunOptions.defaults().sink() instanceof io.synapse.plugins.events.ThrottlingSink);
  }

  @Test
  void categoriesHaveSnakeCaseValues() {
    assertEquals(8, PluginCategory.values().length);
    assertEquals("neural_net", PluginCategory.NEURAL_NET.value());
    assertEquals(PluginCategory.DATA_VALIDATION, PluginCategory.of("data_validation"));
    assertEquals("unknown_category", assertThrows(PluginError.class, () -> PluginCategory.of("misc")).code());
  }
}
