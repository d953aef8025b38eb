package io.synapse.examples.steps.faults;

import io.synapse.examples.steps.ExportAction;
import io.synapse.examples.steps.ExportContext;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.steps.ForwardingStep;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import java.io.IOException;

/**
 * The export action, each of its steps wrapped so that the run's environment can make one fail:
 * {@value #FAIL_AT} names the step that fails, {@value #FAIL_WHEN} says whether it fails
 * {@code before} doing its work or {@code after} doing all of it (default), and
 * {@value #FAIL_ROLLBACK_OF} names a step whose rollback throws without undoing anything.
 *
 * <p>Also proves that the processor accepts an action two classes below {@code StepAction}.
 */
@PluginAction(name = "export", title = "Export Files (faulty)", method = RunMethod.JOB, category = PluginCategory.EXPORT)
public final class FaultyExportAction extends ExportAction {
  /** The environment entry naming the step that fails. */
  public static final String FAIL_AT = "FAIL_AT";
  /** The environment entry saying when it fails: {@code before} or {@code after} its work. */
  public static final String FAIL_WHEN = "FAIL_WHEN";
  /** The environment entry naming the step whose rollback throws. */
  public static final String FAIL_ROLLBACK_OF = "FAIL_ROLLBACK_OF";

  /** For the runtime. */
  public FaultyExportAction() {}

  @Override
  protected void registerSteps(StepRegistry<ExportContext> registry) {
    StepRegistry<ExportContext> real = new StepRegistry<>();
    super.registerSteps(real);
    PluginEnvironment env = ctx().env();
    String failAt = env.get(FAIL_AT).orElse("");
    boolean before = env.get(FAIL_WHEN).orElse("after").equals("before");
    String failRollbackOf = env.get(FAIL_ROLLBACK_OF).orElse("");
    for (Step<ExportContext> step : real.steps()) {
      registry.register(new FaultInjectingStep(step, step.name().equals(failAt), before, step.name().equals(failRollbackOf)));
    }
  }

  /** Thrown by an injected fault. */
  public static final class InjectedFault extends IOException {
    private static final long serialVersionUID = 1L;

    InjectedFault(String message) {
      super(message);
    }
  }

  private static final class FaultInjectingStep extends ForwardingStep<ExportContext> {
    private final boolean fail;
    private final boolean before;
    private final boolean failRollback;

    FaultInjectingStep(Step<ExportContext> delegate, boolean fail, boolean before, boolean failRollback) {
      super(delegate);
      this.fail = fail;
      this.before = before;
      this.failRollback = failRollback;
    }

    @Override
    public StepResult execute(ExportContext context) throws Exception {
      if (fail && before) {
        throw new InjectedFault("injected fault before step '" + name() + "'");
      }
      StepResult result = super.execute(context);
      if (fail) {
        throw new InjectedFault("injected fault after step '" + name() + "'");
      }
      return result;
    }

    @Override
    public void rollback(ExportContext context, StepResult result) throws Exception {
      if (failRollback) {
        throw new InjectedFault("injected fault in the rollback of step '" + name() + "'");
      }
      super.rollback(context, result);
    }
  }
}
