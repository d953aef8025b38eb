package io.synapse.examples.steps;

import static io.synapse.examples.steps.Fixtures.TOKEN;
import static io.synapse.examples.steps.Fixtures.assertStartsAtZeroAndNeverGoesDown;
import static io.synapse.examples.steps.Fixtures.env;
import static io.synapse.examples.steps.Fixtures.inputs;
import static io.synapse.examples.steps.Fixtures.overallProgress;
import static io.synapse.examples.steps.Fixtures.snapshot;
import static io.synapse.examples.steps.Fixtures.stepsOfLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.steps.faults.FaultyExportAction;
import io.synapse.examples.steps.faults.FaultyExportAction.InjectedFault;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.RecordingSink;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure at every step position, through the test-only plugin {@code steps_demo_faults} (the export
 * action with faults injected from the run's environment): the output directory is left byte for byte
 * as it was, and the steps that ran are rolled back in reverse, the failing step first, each once.
 */
class StepFailureTest {
  private static final List<String> STEPS = List.of("prepare", "convert", "manifest", "sign");

  @TempDir Path temp;

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  static Stream<Arguments> everyStepBeforeAndAfterItsWorkWithAndWithoutAnOutputDirectory() {
    List<Arguments> cases = new ArrayList<>();
    for (String step : STEPS) {
      for (String when : List.of("before", "after")) {
        for (boolean outputExists : List.of(false, true)) {
          cases.add(Arguments.of(step, when, outputExists));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "fail {1} {0}, output directory exists: {2}")
  @MethodSource("everyStepBeforeAndAfterItsWorkWithAndWithoutAnOutputDirectory")
  void aFailureAtAnyStepLeavesTheOutputDirectoryAsItWas(String step, String when, boolean outputExists) throws Exception {
    Path out = temp.resolve("out");
    if (outputExists) {
      Files.createDirectories(out.resolve("old"));
      Files.writeString(out.resolve("keep.txt"), "unrelated\n");
      Files.write(out.resolve("old/data.bin"), new byte[] {0, 1, 2, (byte) 0xff});
    }
    SortedMap<String, String> before = snapshot(out);
    RecordingSink sink = new RecordingSink();

    StepError error = assertThrows(StepError.class, () -> runFaulty(out, sink, env(
        FaultyExportAction.FAIL_AT, step, FaultyExportAction.FAIL_WHEN, when)));

    assertEquals(before, snapshot(out));
    assertEquals(step, error.step());
    InjectedFault cause = assertInstanceOf(InjectedFault.class, error.getCause());
    assertEquals("injected fault " + when + " step '" + step + "'", cause.getMessage());
    assertTrue(error.getMessage().startsWith("Step '" + step + "' failed: InjectedFault"), error.getMessage());

    List<String> expectedRollbacks = new ArrayList<>(STEPS.subList(0, STEPS.indexOf(step) + 1));
    Collections.reverse(expectedRollbacks);
    assertEquals(expectedRollbacks, stepsOfLogs(sink, "step_rolled_back"), "reverse order, failing step first, each once");
    assertEquals(expectedRollbacks, error.details().get("rolled_back"));
    assertEquals(List.of(), error.details().get("rollback_failed"));
    assertEquals(0, error.getSuppressed().length);

    List<Long> progress = overallProgress(sink);
    assertStartsAtZeroAndNeverGoesDown(progress);
    assertTrue(progress.get(progress.size() - 1) < 10_000, "a failed run never reaches 100%: " + progress);
  }

  @Test
  void aRollbackThatThrowsIsSuppressedAndTheOtherRollbacksStillRun() throws Exception {
    Path out = Files.createDirectories(temp.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "unrelated\n");
    SortedMap<String, String> before = snapshot(out);
    RecordingSink sink = new RecordingSink();

    StepError error = assertThrows(StepError.class, () -> runFaulty(out, sink, env(
        FaultyExportAction.FAIL_AT, "sign", FaultyExportAction.FAIL_ROLLBACK_OF, "convert")));

    assertEquals("sign", error.step());
    assertInstanceOf(InjectedFault.class, error.getCause());
    assertEquals(1, error.getSuppressed().length);
    assertEquals("injected fault in the rollback of step 'convert'", error.getSuppressed()[0].getMessage());
    assertEquals(List.of("sign", "manifest", "prepare"), error.details().get("rolled_back"));
    assertEquals(List.of("convert"), error.details().get("rollback_failed"));
    assertEquals(List.of("sign", "manifest", "prepare"), stepsOfLogs(sink, "step_rolled_back"));
    assertEquals(List.of("convert"), stepsOfLogs(sink, "step_rollback_failed"));
    assertTrue(error.getMessage().endsWith("(rollback also failed for convert)"), error.getMessage());

    // Only what the failed rollback should have deleted is left: the converted files.
    SortedMap<String, String> after = snapshot(out);
    assertEquals(List.of(".", "a.jsonl", "keep.txt", "notes.jsonl"), List.copyOf(after.keySet()));
    after.keySet().retainAll(before.keySet());
    assertEquals(before, after, "the files that were there are untouched");
  }

  @Test
  void aDirectoryStillHoldingFilesIsNotDeletedByItsCreatorsRollback() throws Exception {
    Path out = temp.resolve("out");
    RecordingSink sink = new RecordingSink();

    StepError error = assertThrows(StepError.class, () -> runFaulty(out, sink, env(
        FaultyExportAction.FAIL_AT, "manifest", FaultyExportAction.FAIL_ROLLBACK_OF, "convert")));

    // Prepare made the directory, but convert's files are still in it: prepare's rollback refuses.
    assertEquals(List.of("manifest"), error.details().get("rolled_back"));
    assertEquals(List.of("convert", "prepare"), error.details().get("rollback_failed"));
    assertEquals(List.of(InjectedFault.class, DirectoryNotEmptyException.class),
        Arrays.stream(error.getSuppressed()).map(Object::getClass).toList());
    assertEquals(List.of(".", "a.jsonl", "notes.jsonl"), List.copyOf(snapshot(out).keySet()));
  }

  private Object runFaulty(Path out, RecordingSink sink, Map<String, String> env) throws Exception {
    return PluginRunner.runPlugin("steps_demo_faults", "export",
        Map.of("inputDir", inputs(temp.resolve("in")).toString(), "outputDir", out.toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().env(env).sink(sink).build());
  }
}
