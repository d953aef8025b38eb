package io.synapse.plugins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrapperStepsTest {
  private final List<String> journal = new ArrayList<>();
  private final RecordingSink sink = new RecordingSink();
  private final StepContext context = new StepContext(RuntimeContext.builder("flow").sink(sink).build());

  @Test
  void wrappersKeepNameWeightAndSkipLogic() {
    Step<StepContext> inner = ScriptedStep.ok("load", journal).weight(2.5).skipping();
    for (Step<StepContext> wrapped : List.of(Steps.logged(inner), Steps.timed(inner), Steps.logged(Steps.timed(inner)))) {
      assertEquals("load", wrapped.name());
      assertEquals(2.5, wrapped.progressWeight());
      assertTrue(assertSkips(wrapped));
    }
  }

  private boolean assertSkips(Step<StepContext> step) {
    try {
      return step.canSkip(context);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void loggingStepLogsStartEndAndRollbackInTheStepsCategory() {
    StepRegistry<StepContext> registry = new StepRegistry<>();
    registry.register(Steps.logged(ScriptedStep.ok("a", journal)))
        .register(Steps.logged(ScriptedStep.body("b", journal, c -> {
          throw new IllegalStateException("secret-ish message");
        })));
    assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    List<String> logs = sink.events(EventType.LOG).stream().map(e -> e.category() + ":" + e.name()).toList();
    assertEquals(List.of("a:step_started", "a:step_finished", "b:step_started", "b:step_failed",
        "b:step_rolled_back", "a:step_rolled_back"), logs);
    PluginEvent failed = sink.events(EventType.LOG).get(3);
    assertEquals(IllegalStateException.class.getName(), failed.data().get("exception"), "the class, never the message");
    assertEquals(List.of("run:a", "run:b", "undo:b", "undo:a"), journal);
  }

  @Test
  void loggingStepLogsASkip() {
    StepRegistry<StepContext> registry = new StepRegistry<>();
    registry.register(Steps.logged(ScriptedStep.ok("a", journal).skipping()));
    new Orchestrator<>(registry).run(context);
    assertEquals("step_skipped", sink.events(EventType.LOG).get(0).name());
  }

  @Test
  void timingStepRecordsTheDurationEvenWhenTheStepFails() {
    StepRegistry<StepContext> registry = new StepRegistry<>();
    registry.register(Steps.timed(ScriptedStep.ok("a", journal)))
        .register(Steps.timed(ScriptedStep.body("b", journal, c -> StepResult.failure("no"))));
    assertThrows(StepError.class, () -> new Orchestrator<>(registry).run(context));
    List<PluginEvent> metrics = sink.events(EventType.METRICS);
    assertEquals(List.of("a", "b"), metrics.stream().map(PluginEvent::category).toList());
    assertTrue(((Double) metrics.get(0).data().get("duration_ms")) >= 0);
    assertInstanceOf(TimingStep.class, Steps.timed(ScriptedStep.ok("x", journal)));
  }
}
