package io.synapse.plugins.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.testing.fixture.CountAction;
import io.synapse.plugins.testing.fixture.CountParams;
import io.synapse.plugins.testing.fixture.Counted;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** LOCAL runs through the test kit: every assertion passes on a run that meets it and fails readably on one that does not. */
class ActionTesterTest {
  private static final ActionTester<CountParams, Counted> COUNT = ActionTester.of(CountAction.class);

  @Test
  void aSuccessfulRunMeetsEveryAssertion() {
    ActionRun<Counted> run = COUNT.env("GREETING", "hej").jobId("job-7").run(Map.of("input", "abc", "repeat", 4));
    run.assertSucceeded()
        .assertProgressCompleted()
        .assertProgressCompleted("count")
        .assertMetricSet("count", "counted")
        .assertMetric("count", "counted", 4L)
        .assertMetric("count", "counted", 4.0)
        .assertLogged("count_started")
        .assertLogged("count_started", Map.of("input", "abc"))
        .assertMessage("Counted 4 items")
        .assertNoWarnings();
    assertEquals("hej", run.result().greeting(), "the given environment reaches the action");
    assertEquals(ProcessHandle.current().pid(), run.result().pid(), "LOCAL runs in this JVM");
    assertEquals(ExecutionMode.LOCAL, run.mode());
    assertEquals("job-7", run.jobId());
    assertEquals(Map.of("GREETING", "hej"), run.environment());
    assertEquals(4, run.events(EventType.PROGRESS).size());
    assertTrue(run.events().stream().allMatch(e -> "job-7".equals(e.jobId())), "events carry the job id");
  }

  @Test
  void typedParamsRunToo() {
    ActionRun<Counted> run = COUNT.run(new CountParams("xy", 2, 0, false));
    run.assertSucceeded().assertResult(new Counted("xy", 2, null, ProcessHandle.current().pid()));
  }

  @Test
  void theProcessEnvironmentNeverReachesTheAction() {
    // PATH is set in every test JVM; the action sees only what the tester gave it.
    assertNull(COUNT.run(Map.of("input", "a")).result().greeting());
    assertTrue(COUNT.run(Map.of("input", "a")).environment().isEmpty());
  }

  @Test
  void testersAreImmutable() {
    ActionTester<CountParams, Counted> withEnv = COUNT.env("GREETING", "a");
    assertFalse(withEnv == COUNT);
    assertNull(COUNT.run(Map.of("input", "a")).result().greeting());
    assertEquals("a", withEnv.run(Map.of("input", "a")).result().greeting());
  }

  @Test
  void invalidParamsAreRecordedWithTheirPaths() {
    ActionRun<Counted> run = COUNT.run(Map.of("repeat", 0));
    ValidationError error = run.assertInvalid("input", "repeat");
    assertEquals(2, error.violations().size());
    assertTrue(run.events().isEmpty(), "the action never started");
    failsWith(r -> r.assertInvalid("input"), run, "to reject the params at [input], but the violations were at [input, repeat]");
  }

  @Test
  void aFailedRunKeepsItsErrorAndEvents() {
    ActionRun<Counted> run = COUNT.run(Map.of("input", "abc", "fail", true));
    ExecutionError error = run.assertFailedWith(ExecutionError.class);
    assertTrue(error.getMessage().contains("asked to fail"), error.getMessage());
    assertSame(error, run.error().orElseThrow());
    run.assertProgressCompleted().assertMessage("Counted 3 items");
    AssertionFailedError failure = failsWith(ActionRun::assertSucceeded, run,
        "Expected action 'count' of plugin 'kit_fixture' (LOCAL) to succeed, but it failed with ExecutionError");
    assertSame(error, failure.getCause(), "the error is the failure's cause, with its stack trace");
    failsWith(ActionRun::result, run, "to succeed, but it failed");
    failsWith(r -> r.assertFailedWith(ValidationError.class), run, "to fail with ValidationError, but it failed with ExecutionError");
  }

  @Test
  void eachAssertionFailsReadablyListingTheEvents() {
    ActionRun<Counted> run = COUNT.run(Map.of("input", "abc", "repeat", 3, "stopAt", 2));
    String events = "Events of the run (5):\n  LOG       INFO    count_started {input=abc}\n"
        + "  PROGRESS  INFO    [count] 1/3 (33.3%)\n  PROGRESS  INFO    [count] 2/3 (66.7%)\n";
    AssertionFailedError progress = failsWith(ActionRun::assertProgressCompleted, run,
        "to report progress of 'count' up to 100%, but it ended at 66.7% (2 of 3)");
    assertTrue(progress.getMessage().contains(events), progress.getMessage());
    failsWith(r -> r.assertProgressCompleted("upload"), run, "it reported none in that category");
    failsWith(r -> r.assertMetric("count", "counted", 4), run, "to set metric 'counted' of 'count' to 4, but it was 3");
    failsWith(r -> r.assertMetricSet("count", "speed"), run, "to set metric 'speed' in 'count', but its metrics there were {counted=3}");
    failsWith(r -> r.assertLogged("count_finished"), run, "to log 'count_finished', but it did not");
    failsWith(r -> r.assertLogged("count_started", Map.of("input", "xyz")), run, "to log 'count_started' with {input=xyz}");
    failsWith(r -> r.assertMessage("nothing"), run, "to show a message containing \"nothing\"");
    failsWith(r -> r.assertResult(new Counted("abc", 4, null, 1)), run, "to return Counted[input=abc, count=4");
    failsWith(r -> r.assertFailedWith(ExecutionError.class), run, "to fail with ExecutionError, but it succeeded with Counted");
    AssertionFailedError result = assertThrows(AssertionFailedError.class, () -> run.assertResult(new Counted("abc", 4, null, 1)));
    assertTrue(result.isExpectedDefined() && result.isActualDefined(), "IDEs can show a diff");
  }

  @Test
  void warningsAreCaught() {
    ActionRun<Counted> clamped = ActionTester.of(CountAction.class).run(Map.of("input", "a", "repeat", 1));
    clamped.assertNoWarnings();
    // repeat 2, progress stops at 5 > total: the runtime clamps it with an invalid_progress warning.
    ActionRun<Counted> run = COUNT.run(Map.of("input", "a", "repeat", 2, "stopAt", 5));
    failsWith(ActionRun::assertNoWarnings, run, "to report no warnings, but it reported 3: LOG       WARNING [count] invalid_progress");
  }

  @Test
  void actionsCanBeNamedAsThePlatformNamesThem() {
    ActionRun<?> run = ActionTester.of("kit_fixture", "count").run(Map.of("input", "abc"));
    run.assertSucceeded().assertProgressCompleted();
    assertEquals(new Counted("abc", 3, null, ProcessHandle.current().pid()), run.result());
    io.synapse.plugins.errors.ActionNotFoundError missing = assertThrows(io.synapse.plugins.errors.ActionNotFoundError.class,
        () -> ActionTester.of("kit_fixture", "cuont"));
    assertTrue(missing.getMessage().contains("count"), missing.getMessage());
  }

  @Test
  void theWorkingDirectoryIsTheActionsAndItsFilesCanBeChecked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    ActionTester<io.synapse.plugins.testing.fixture.WriteParams, String> write =
        ActionTester.of(io.synapse.plugins.testing.fixture.WriteAction.class).workingDir(dir);
    ActionRun<String> run = write.run(Map.of("target", "out/a.txt")).assertSucceeded().assertWorkingDirContains("out", "out/a.txt");
    assertEquals(dir.resolve("out/a.txt").toString(), run.result(), "a relative Path param resolves against the working directory");
    assertEquals(dir, run.workingDir().orElseThrow());
    failsWith2(() -> run.assertWorkingDirContains("out/b.txt"), "to leave [out/b.txt] in its working directory " + dir
        + ", but it holds [out, out/a.txt]");
    failsWith2(() -> ActionTester.of(io.synapse.plugins.testing.fixture.WriteAction.class).run(Map.of("target", "/tmp/x-kit-test"))
        .assertWorkingDirContains("x"), "to run in a working directory, but none was given");
  }

  private static void failsWith2(org.junit.jupiter.api.function.Executable assertion, String expected) {
    AssertionFailedError failure = assertThrows(AssertionFailedError.class, assertion);
    assertTrue(failure.getMessage().contains(expected), () -> "expected a message containing\n" + expected + "\nbut was\n" + failure.getMessage());
  }

  @Test
  void unknownActionClassesAreNamed() {
    assertInstanceOf(RuntimeException.class, assertThrows(RuntimeException.class,
        () -> ActionTester.of(NotAnAction.class)));
  }

  private static AssertionFailedError failsWith(Consumer<ActionRun<Counted>> assertion, ActionRun<Counted> run, String expected) {
    AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertion.accept(run));
    assertTrue(failure.getMessage().contains(expected), () -> "expected a message containing\n" + expected + "\nbut was\n" + failure.getMessage());
    return failure;
  }

  /** A class without a generated descriptor. */
  abstract static class NotAnAction extends io.synapse.plugins.action.BaseAction<CountParams, Counted> {}
}
