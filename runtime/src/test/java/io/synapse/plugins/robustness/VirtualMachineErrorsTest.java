package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Actions that overflow the stack, run out of memory or throw the JVM's own errors, with secrets in
 * the messages: stack overflows and out-of-memory errors (thrown by the action or real) become typed
 * {@link ExecutionError}s with the secrets masked, and the executor keeps working; the errors that
 * say the JVM itself is broken are rethrown as the same kind of error, the secrets masked.
 */
class VirtualMachineErrorsTest {
  static final String LONG_SECRET = "vm-s3cret-value";
  static final String SHORT_SECRET = "pw1";

  /** What the action does. */
  enum Kind {
    THROWN_STACK_OVERFLOW, REAL_STACK_OVERFLOW, THROWN_OUT_OF_MEMORY, REAL_OUT_OF_MEMORY, INTERNAL_ERROR, UNKNOWN_ERROR, OWN_VIRTUAL_MACHINE_ERROR;

    boolean recoverable() {
      return ordinal() <= REAL_OUT_OF_MEMORY.ordinal();
    }
  }

  record Params(Kind kind, String secret) {}

  /** A JVM error subclass of the user's own, as a careless action might define one. */
  static final class OwnError extends VirtualMachineError {
    private static final long serialVersionUID = 1L;

    OwnError(String message) {
      super(message);
    }
  }

  /** Fails as its params say, quoting the secret where it throws by hand. */
  public static final class Failing extends BaseAction<Params, String> {
    @Override
    public String execute() {
      String secret = params().secret();
      switch (params().kind()) {
        case THROWN_STACK_OVERFLOW -> throw new StackOverflowError("deep with " + secret);
        case REAL_STACK_OVERFLOW -> recurse(secret.length());
        case THROWN_OUT_OF_MEMORY -> throw new OutOfMemoryError("cache of " + secret + " is full");
        case REAL_OUT_OF_MEMORY -> {
          List<long[]> hog = new ArrayList<>();
          hog.add(new long[Integer.MAX_VALUE - 16]);
          return "allocated " + hog.size();
        }
        case INTERNAL_ERROR -> throw new InternalError("broken with " + secret, new IllegalStateException("cause " + secret));
        case UNKNOWN_ERROR -> throw new UnknownError("unknown with " + secret);
        case OWN_VIRTUAL_MACHINE_ERROR -> throw new OwnError("own with " + secret);
        default -> throw new AssertionError(params().kind());
      }
      return "never";
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  /** A descriptor of an action made by {@code factory}; the params' secret is the run's secret. */
  static final class Descriptor implements ActionDescriptor<Params, String> {
    static final Descriptor INSTANCE = new Descriptor(Failing::new);

    private final java.util.function.Supplier<BaseAction<Params, String>> factory;

    Descriptor(java.util.function.Supplier<BaseAction<Params, String>> factory) {
      this.factory = factory;
    }

    @Override public String pluginCode() { return "robust_plugin"; }
    @Override public ActionConfig config() {
      return new ActionConfig("fail", "Fail", "", Failing.class.getName(), io.synapse.plugins.RunMethod.TASK, PluginCategory.CUSTOM, "", "",
          Params.class.getName(), "java.lang.String");
    }
    @Override public Class<Failing> actionClass() { return Failing.class; }
    @Override public Class<Params> paramsType() { return Params.class; }
    @Override public BaseAction<Params, String> newAction() { return factory.get(); }
    // Typed params are checked by writing and binding them back: a round trip of the two components.
    @Override public Params bindParams(Object params) {
      Map<?, ?> map = (Map<?, ?>) params;
      return new Params(Kind.valueOf(String.valueOf(map.get("kind"))), String.valueOf(map.get("secret")));
    }
    @Override public Map<String, Object> writeParams(Params params) {
      return Map.of("kind", params.kind().name(), "secret", params.secret());
    }
    @Override public Object writeResult(String result) { return result; }
    @Override public String readResult(Object value) { return (String) value; }
    @Override public Set<String> secretValues(Params params) { return Set.of(params.secret()); }
  }

  private final LocalExecutor executor = LocalExecutor.builder().sink(new RecordingSink()).build();

  /** A step workflow whose second step overflows quoting the secret, and whose first step's rollback fails quoting it too. */
  public static final class OverflowingSteps extends io.synapse.plugins.action.StepAction<Params, io.synapse.plugins.steps.StepContext, String> {
    static final java.util.concurrent.atomic.AtomicInteger ROLLBACKS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    protected void registerSteps(io.synapse.plugins.steps.StepRegistry<io.synapse.plugins.steps.StepContext> registry) {
      registry.register(new io.synapse.plugins.steps.Step<>() {
        @Override public String name() { return "prepare"; }
        @Override public io.synapse.plugins.steps.StepResult execute(io.synapse.plugins.steps.StepContext context) {
          return io.synapse.plugins.steps.StepResult.ok();
        }
        @Override public void rollback(io.synapse.plugins.steps.StepContext context, io.synapse.plugins.steps.StepResult result) {
          ROLLBACKS.incrementAndGet();
          throw new IllegalStateException("undo failed for " + params().secret());
        }
      });
      registry.register(new io.synapse.plugins.steps.Step<>() {
        @Override public String name() { return "deep"; }
        @Override public io.synapse.plugins.steps.StepResult execute(io.synapse.plugins.steps.StepContext context) {
          throw new StackOverflowError("deep with " + params().secret());
        }
      });
    }

    @Override protected io.synapse.plugins.steps.StepContext createContext(io.synapse.plugins.context.RuntimeContext runtime) {
      return new io.synapse.plugins.steps.StepContext(runtime);
    }

    @Override protected String result(io.synapse.plugins.steps.StepContext context) { return "never"; }
  }

  @org.junit.jupiter.api.Test
  void aStepThatOverflowsIsRolledBackAndAnExecutionError() {
    Descriptor steps = new Descriptor(OverflowingSteps::new);
    int before = OverflowingSteps.ROLLBACKS.get();
    ExecutionError error = assertThrows(ExecutionError.class, () -> executor.execute(steps, new Params(Kind.THROWN_STACK_OVERFLOW, LONG_SECRET)));
    String printed = CauseChainRedactionTest.printed(error);
    assertFalse(printed.contains(LONG_SECRET), printed);
    assertEquals("stack_overflow", error.details().get("reason"));
    assertEquals(before + 1, OverflowingSteps.ROLLBACKS.get(), "the step that ran was rolled back");
    assertTrue(printed.contains("Suppressed: java.lang.IllegalStateException: undo failed for ***"), printed);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void recoverableErrorsAreExecutionErrorsAndTheRestAreRethrownMasked(Kind kind) {
    for (String secret : List.of(LONG_SECRET, SHORT_SECRET)) {
      Throwable thrown = assertThrows(Throwable.class, () -> executor.execute(Descriptor.INSTANCE, new Params(kind, secret)));
      String printed = CauseChainRedactionTest.printed(thrown);
      assertFalse(printed.contains(LONG_SECRET), printed);
      assertFalse(printed.matches("(?s).*\\bpw1\\b.*"), printed);
      if (kind.recoverable()) {
        ExecutionError error = assertInstanceOf(ExecutionError.class, thrown, printed);
        boolean overflow = kind == Kind.THROWN_STACK_OVERFLOW || kind == Kind.REAL_STACK_OVERFLOW;
        assertEquals(overflow ? "stack_overflow" : "out_of_memory", error.details().get("reason"), printed);
        assertEquals(overflow ? StackOverflowError.class.getName() : OutOfMemoryError.class.getName(), error.details().get("exception"));
        assertTrue(error.getMessage().startsWith("Action 'fail' of plugin 'robust_plugin' failed: "
            + (overflow ? "StackOverflowError" : "OutOfMemoryError")), error.getMessage());
      } else {
        assertInstanceOf(VirtualMachineError.class, thrown, printed);
        assertEquals(kind == Kind.UNKNOWN_ERROR ? UnknownError.class : InternalError.class, thrown.getClass(), printed);
        assertTrue(thrown.getMessage().endsWith("with ***"), thrown.getMessage());
        assertEquals(Failing.class.getName(), thrown.getStackTrace()[0].getClassName(), "the original frames are kept");
      }
    }
    // The executor, and the JVM, are fine afterwards.
    assertEquals("fine", executor.execute(new Descriptor(() -> new BaseAction<>() {
      @Override public String execute() { return "fine"; }
    }), new Params(kind, "x")));
  }
}
