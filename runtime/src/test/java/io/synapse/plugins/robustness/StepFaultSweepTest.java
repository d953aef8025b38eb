package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepContext;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Step workflows of 1 to 6 steps failing at every position, in every way a step can fail (throwing an
 * exception, throwing an Error, returning a failure, returning null), with no rollback failing or with
 * each earlier step's rollback failing too, run through LocalExecutor: always a StepError naming the
 * failed step, later steps never run, every started step rolled back once in reverse order, and each
 * failed rollback reported and attached as suppressed.
 */
class StepFaultSweepTest {
  static final List<String> TRACE = new ArrayList<>();

  /** How the failing step fails. */
  enum How { THROW, ERROR, FAILURE_RESULT, NULL_RESULT }

  /** A workflow of {@code steps} steps where step {@code failAt} fails and step {@code rollbackFailsAt}'s rollback fails (0: none). */
  record Plan(int steps, int failAt, How how, int rollbackFailsAt) {}

  /** Runs the plan. */
  public static final class Planned extends StepAction<Plan, StepContext, String> {
    @Override
    protected void registerSteps(StepRegistry<StepContext> registry) {
      for (int i = 1; i <= params().steps(); i++) {
        int index = i;
        registry.register(new Step<>() {
          @Override public String name() { return "s" + index; }
          @Override public StepResult execute(StepContext context) {
            TRACE.add("run s" + index);
            if (index != params().failAt()) {
              return StepResult.ok();
            }
            return switch (params().how()) {
              case THROW -> throw new IllegalStateException("s" + index + " broke");
              case ERROR -> throw new AssertionError("s" + index + " asserted");
              case FAILURE_RESULT -> StepResult.failure("s" + index + " refused");
              case NULL_RESULT -> null;
            };
          }
          @Override public void rollback(StepContext context, StepResult result) {
            TRACE.add("undo s" + index);
            if (index == params().rollbackFailsAt()) {
              throw new IllegalStateException("undo of s" + index + " broke");
            }
          }
        });
      }
    }

    @Override protected StepContext createContext(RuntimeContext runtime) { return new StepContext(runtime); }
    @Override protected String result(StepContext context) { return "done"; }
  }

  static final class Descriptor implements ActionDescriptor<Plan, String> {
    @Override public String pluginCode() { return "robust_plugin"; }
    @Override public ActionConfig config() {
      return new ActionConfig("planned", "Planned", "", Planned.class.getName(), RunMethod.TASK, PluginCategory.CUSTOM, "", "",
          Plan.class.getName(), "java.lang.String");
    }
    @Override public Class<Planned> actionClass() { return Planned.class; }
    @Override public Class<Plan> paramsType() { return Plan.class; }
    @Override public BaseAction<Plan, String> newAction() { return new Planned(); }
    // Written and bound back as the record itself: typed runs check params by writing and binding them.
    @Override public Plan bindParams(Object params) { return (Plan) ((Map<?, ?>) params).get("record"); }
    @Override public Map<String, Object> writeParams(Plan params) { return Map.of("record", params); }
    @Override public Object writeResult(String result) { return result; }
    @Override public String readResult(Object value) { return (String) value; }
  }

  @Test
  void everyFailurePositionRollsBackExactlyTheStartedStepsInReverse() {
    LocalExecutor executor = LocalExecutor.builder().sink(EventSink.discarding()).build();
    int cases = 0;
    for (int steps = 1; steps <= 6; steps++) {
      TRACE.clear();
      assertEquals("done", executor.execute(new Descriptor(), new Plan(steps, 0, How.THROW, 0)));
      assertEquals(steps, TRACE.size(), "a workflow without failures runs every step and undoes none");
      for (int failAt = 1; failAt <= steps; failAt++) {
        for (How how : How.values()) {
          for (int rollbackFailsAt = 0; rollbackFailsAt <= failAt; rollbackFailsAt++) {
            Plan plan = new Plan(steps, failAt, how, rollbackFailsAt);
            TRACE.clear();
            StepError error = assertThrows(StepError.class, () -> executor.execute(new Descriptor(), plan), plan::toString);
            List<String> expectedTrace = new ArrayList<>();
            List<String> rolledBack = new ArrayList<>();
            for (int i = 1; i <= failAt; i++) {
              expectedTrace.add("run s" + i);
            }
            for (int i = failAt; i >= 1; i--) {
              expectedTrace.add("undo s" + i);
              if (i != rollbackFailsAt) {
                rolledBack.add("s" + i);
              }
            }
            assertEquals(expectedTrace, TRACE, plan::toString);
            assertEquals("s" + failAt, error.step(), plan::toString);
            assertEquals(rolledBack, error.details().get("rolled_back"), plan::toString);
            assertEquals(rollbackFailsAt == 0 ? List.of() : List.of("s" + rollbackFailsAt), error.details().get("rollback_failed"),
                plan::toString);
            assertEquals(rollbackFailsAt == 0 ? 0 : 1, error.getSuppressed().length, plan::toString);
            assertTrue(error.getMessage().startsWith("Step 's" + failAt + "' failed"), error.getMessage());
            cases++;
          }
        }
      }
    }
    assertEquals(STEP_CASES, cases);
  }

  /** 4 ways x sum over n = 1..6 of sum over k = 1..n of (k + 1) rollback variants. */
  static final int STEP_CASES = 4 * (2 + 5 + 9 + 14 + 20 + 27);
}
