package io.synapse.plugins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrchestratorTest {
  private final List<String> journal = new ArrayList<>();
  private final RecordingSink sink = new RecordingSink();
  private final StepContext context = new StepContext(RuntimeContext.builder("flow").sink(sink).build());
  private final StepRegistry<StepContext> registry = new StepRegistry<>();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private List<Double> overallProgress() {
    return sink.events(EventType.PROGRESS).stream()
        .filter(e -> e.category().equals("flow"))
        .map(e -> e.progress().percent())
        .toList();
  }

  @Test
  void runsStepsInOrderAndKeepsTheirResults() {
    registry.register(ScriptedStep.body("a", journal, c -> StepResult.ok(Map.of("n", 1))))
        .register(ScriptedStep.body("b", journal, c -> {
          assertEquals(Map.of("n", 1), c.result("a").orElseThrow().data(), "later steps see earlier results");
          assertEquals("b", c.currentStep().orElseThrow());
          return StepResult.ok();
        }));
    OrchestrationResult result = new Orchestrator<>(registry).run(context);
    assertEquals(List.of("run:a", "run:b"), journal);
    assertEquals(List.of("a", "b"), List.copyOf(result.results().keySet()));
    assertTrue(context.currentStep().isEmpty());
  }

  @Test
  void progressStartsAtZeroFollowsNormalisedWeightsAndEndsAtExactlyOneHundred() {
    registry.register(ScriptedStep.ok("a", journal).weight(1))
        .register(ScriptedStep.ok("b", journal).weight(3));
    Orchestrator<StepContext> orchestrator = new Orchestrator<>(registry);
    assertEquals(List.of(0.25, 0.75), orchestrator.progressShares());
    orchestrator.run(context);
    assertEquals(List.of(0.0, 25.0, 100.0), overallProgress());
    PluginEvent last = sink.events(EventType.PROGRESS).get(sink.events(EventType.PROGRESS).size() - 1);
    assertEquals(last.progress().total(), last.progress().current());
  }

  @Test
  void progressInsideAStepMovesTheOverallFigureWithinItsShare() {
    registry.register(ScriptedStep.ok("a", journal).weight(1))
        .register(ScriptedStep.body("b", journal, c -> {
          c.setProgress(1, 2);
          c.setProgress(0, 2); // going back inside a step never lowers the overall figure
          c.setProgress(5, 5, "elsewhere"); // another category does not move it
          c.setProgress(2, 2);
          return StepResult.ok();
        }).weight(1));
    new Orchestrator<>(registry).run(context);
    assertEquals(List.of(0.0, 50.0, 75.0, 99.99, 100.0), overallProgress());
    List<String> categories = sink.events(EventType.PROGRESS).stream().map(PluginEvent::category).distinct().toList();
    assertEquals(List.of("flow", "b", "elsewhere"), categories, "a step's own progress is in its name");
  }

  @Test
  void aSkippedStepCountsAsDoneAndIsNeverRolledBack() {
    registry.register(ScriptedStep.ok("a", journal))
        .register(ScriptedStep.ok("b", journal).skipping())
        .register(ScriptedStep.body("c", journal, c -> StepResult.failure("no")));
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertEquals("c", error.step());
    assertEquals(List.of("run:a", "run:c", "undo:c", "undo:a"), journal);
    assertTrue(context.result("b").orElseThrow().skipped());
    assertEquals(List.of(0.0, 33.33, 66.67), overallProgress());
  }

  @Test
  void skippingEveryStepStillEndsAtOneHundred() {
    registry.register(ScriptedStep.ok("a", journal).skipping()).register(ScriptedStep.ok("b", journal).skipping());
    OrchestrationResult result = new Orchestrator<>(registry).run(context);
    assertEquals(List.of("a", "b"), result.skippedSteps());
    assertEquals(List.of(0.0, 50.0, 100.0), overallProgress());
    assertTrue(journal.isEmpty());
  }

  @Test
  void anEmptyWorkflowGoesFromZeroToOneHundred() {
    new Orchestrator<>(registry).run(context);
    assertEquals(List.of(0.0, 100.0), overallProgress());
  }

  @Test
  void aFailureResultRollsBackEveryStepThatRanInReverseFailingStepFirst() {
    registry.register(ScriptedStep.body("a", journal, c -> StepResult.ok(Map.of(), Map.of("created", "x"))).undo((c, r) ->
            assertEquals(Map.of("created", "x"), r.rollbackData(), "rollback gets the step's own result")))
        .register(ScriptedStep.ok("b", journal))
        .register(ScriptedStep.body("c", journal, c -> StepResult.failure("broken")).undo((c, r) -> assertFalse(r.success())))
        .register(ScriptedStep.ok("d", journal));
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertEquals(List.of("run:a", "run:b", "run:c", "undo:c", "undo:b", "undo:a"), journal);
    assertEquals("c", error.step());
    assertEquals("broken", error.getCause().getMessage());
    assertTrue(error.getMessage().startsWith("Step 'c' failed"), error.getMessage());
    assertEquals(List.of("c", "b", "a"), error.details().get("rolled_back"));
    assertEquals("step_failed", error.code());
    assertTrue(overallProgress().stream().allMatch(p -> p < 100), "a failed run never reports 100%");
  }

  @Test
  void aThrownExceptionOrErrorIsTheCauseOfTheStepError() {
    AssertionError boom = new AssertionError("boom");
    registry.register(ScriptedStep.ok("a", journal)).register(ScriptedStep.body("b", journal, c -> {
      throw boom;
    }));
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertSame(boom, error.getCause());
    assertEquals(List.of("run:a", "run:b", "undo:b", "undo:a"), journal);
    assertEquals(List.of(boom), context.errors());
  }

  @Test
  void aNullResultIsAFailure() {
    registry.register(ScriptedStep.body("a", journal, c -> null));
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertInstanceOf(IllegalStateException.class, error.getCause());
  }

  @Test
  void aFailingSkipCheckFailsTheStep() {
    Step<StepContext> step = new Step<>() {
      @Override public String name() { return "check"; }
      @Override public boolean canSkip(StepContext c) throws IOException { throw new IOException("cannot look"); }
      @Override public StepResult execute(StepContext c) { return StepResult.ok(); }
    };
    registry.register(ScriptedStep.ok("a", journal)).register(step);
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertEquals("check", error.step());
    assertEquals(List.of("run:a", "undo:a"), journal);
  }

  @Test
  void aThrowingRollbackDoesNotStopTheOthersAndIsSuppressed() {
    IllegalStateException undoFailure = new IllegalStateException("undo b failed");
    registry.register(ScriptedStep.ok("a", journal))
        .register(ScriptedStep.ok("b", journal).undo((c, r) -> {
          throw undoFailure;
        }))
        .register(ScriptedStep.body("c", journal, c -> {
          throw new IOException("c failed");
        }));
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertEquals(List.of("run:a", "run:b", "run:c", "undo:c", "undo:b", "undo:a"), journal);
    assertEquals(List.of(undoFailure), List.of(error.getSuppressed()));
    assertEquals(List.of("b"), error.details().get("rollback_failed"));
    assertEquals(List.of("c", "a"), error.details().get("rolled_back"));
    assertInstanceOf(IOException.class, error.getCause());
    assertEquals(2, context.errors().size());
    assertTrue(sink.events(EventType.LOG).stream().anyMatch(e -> e.name().equals("step_rollback_failed") && "b".equals(e.category())));
  }

  @Test
  void anInterruptedStepRollsBackWithTheFlagClearedAndRestoresIt() {
    List<Boolean> interruptedDuringRollback = new ArrayList<>();
    registry.register(ScriptedStep.ok("a", journal).undo((c, r) -> interruptedDuringRollback.add(Thread.currentThread().isInterrupted())))
        .register(ScriptedStep.body("b", journal, c -> {
          throw new InterruptedException("cancelled");
        }));
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertTrue(Thread.interrupted(), "the interrupt flag is restored");
    assertInstanceOf(InterruptedException.class, error.getCause());
    assertEquals(List.of(false), interruptedDuringRollback);
    assertEquals(List.of("run:a", "run:b", "undo:b", "undo:a"), journal);
  }

  @Test
  void aRollbackThatInterruptsDoesNotLeaveTheFlagSetForTheNextOne() {
    List<Boolean> interruptedDuringRollback = new ArrayList<>();
    registry.register(ScriptedStep.ok("a", journal).undo((c, r) -> interruptedDuringRollback.add(Thread.currentThread().isInterrupted())))
        .register(ScriptedStep.ok("b", journal).undo((c, r) -> Thread.currentThread().interrupt()))
        .register(ScriptedStep.body("c", journal, c -> StepResult.failure("no")));
    assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertEquals(List.of(false), interruptedDuringRollback);
    assertTrue(Thread.interrupted(), "the interrupt is restored at the end");
  }

  @Test
  void anInterruptBetweenStepsStopsBeforeTheNextStep() {
    registry.register(ScriptedStep.body("a", journal, c -> {
      Thread.currentThread().interrupt(); // as if cancelled while a finished
      return StepResult.ok();
    })).register(ScriptedStep.ok("b", journal));
    StepError error = assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    assertTrue(Thread.interrupted());
    assertEquals("b", error.step());
    assertEquals(List.of("run:a", "undo:a"), journal, "b never ran, so it is not rolled back");
  }

  @Test
  void aVirtualMachineErrorIsRethrownAsIsAfterTheRollbacks() {
    OutOfMemoryError oom = new OutOfMemoryError("test");
    registry.register(ScriptedStep.ok("a", journal)).register(ScriptedStep.body("b", journal, c -> {
      throw oom;
    }));
    OutOfMemoryError raised = assertThrows(OutOfMemoryError.class, () -> new Orchestrator<>(registry).run(context));
    assertSame(oom, raised);
    assertEquals(List.of("run:a", "run:b", "undo:b", "undo:a"), journal);
  }

  @Test
  void stepEventsDefaultToTheCurrentStepsCategory() {
    registry.register(ScriptedStep.body("load", journal, c -> {
      c.setMetrics(Map.of("rows", 3));
      c.log("loaded", Map.of());
      return StepResult.ok();
    }));
    new Orchestrator<>(registry).run(context);
    assertEquals("load", sink.events(EventType.METRICS).get(0).category());
    assertEquals("load", sink.events(EventType.LOG).get(0).category());
  }
}
