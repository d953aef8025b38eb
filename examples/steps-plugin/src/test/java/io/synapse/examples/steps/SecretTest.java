package io.synapse.examples.steps;

import static io.synapse.examples.steps.Fixtures.TOKEN;
import static io.synapse.examples.steps.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.steps.faults.FaultyExportAction;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code @Secret} API token never reaches an event (as recorded, or as JSON Lines) nor the error's
 * message and details, even when the step's own data and error message quote it: here, through input
 * file names that contain it.
 */
class SecretTest {
  @TempDir Path temp;

  private final RecordingSink recorded = new RecordingSink();
  private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
  private final JsonLinesSink jsonLines = new JsonLinesSink(lines);
  private final EventSink both = event -> {
    recorded.accept(event);
    jsonLines.accept(event);
  };

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void aFailingRunQuotingTheTokenKeepsItOutOfEventsAndTheError() throws Exception {
    Path in = Files.createDirectories(temp.resolve("in"));
    Files.writeString(in.resolve("a-" + TOKEN + ".csv"), "k,v\n1,2\n");
    Files.writeString(in.resolve("b-" + TOKEN + ".csv"), "k,v\n1\n");

    StepError error = assertThrows(StepError.class, () -> PluginRunner.runPlugin("steps_demo", "export",
        Map.of("inputDir", in.toString(), "outputDir", temp.resolve("out").toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(both).build()));

    assertEquals("convert", error.step());
    // The step's own exception quoted the file name, token and all: the cause chain is redacted too.
    assertTrue(error.getCause().getMessage().contains("b-***.csv"), String.valueOf(error.getCause()));
    assertNoToken(String.valueOf(error.getCause()));
    assertTrue(error.getMessage().contains("b-***.csv row 1"), error.getMessage());
    assertNoToken(error.getMessage() + error.details());
    assertEquals(1, recorded.events(EventType.LOG).stream().filter(e -> "file_converted".equals(e.name())).count(),
        "a-....csv was converted and logged, so its name had to be redacted");
    assertNoToken(recorded.events().toString());
    assertNoToken(lines.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aSuccessfulRunAndARolledBackRunKeepItOutOfEvents() throws Exception {
    Path in = Fixtures.inputs(temp.resolve("in"));
    PluginRunner.runPlugin("steps_demo", "export",
        Map.of("inputDir", in.toString(), "outputDir", temp.resolve("ok").toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(both).build());
    StepError error = assertThrows(StepError.class, () -> PluginRunner.runPlugin("steps_demo_faults", "export",
        Map.of("inputDir", in.toString(), "outputDir", temp.resolve("failed").toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(both).env(env(FaultyExportAction.FAIL_AT, "sign")).build()));

    assertFalse(recorded.events().isEmpty());
    assertTrue(lines.size() > 0);
    assertNoToken(recorded.events().toString());
    assertNoToken(lines.toString(StandardCharsets.UTF_8));
    assertNoToken(error.getMessage() + error.details());
  }

  private static void assertNoToken(String text) {
    assertFalse(text.contains(TOKEN), text);
    assertFalse(text.contains(TOKEN.substring(4)), "no part of the token either: " + text);
  }
}
