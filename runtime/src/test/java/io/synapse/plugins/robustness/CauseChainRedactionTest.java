package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.secrets.RedactedException;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepContext;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cause chain of the errors LocalExecutor raises (causes, suppressed exceptions, at any depth)
 * never carries a secret: a printed stack trace shows the original class names and frames with the
 * secrets masked, and an exception that quotes no secret is kept as it is.
 */
class CauseChainRedactionTest {
  static final String PARAM_SECRET = "p4ram-s3cret-value";
  static final String ENV_SECRET = "env-s3cret-token";

  record Login(String password, boolean leak) {}

  /** Fails with the secrets in its message, its cause's message and a suppressed exception. */
  public static final class Failing extends BaseAction<Login, String> {
    @Override
    public String execute() throws Exception {
      if (!params().leak()) {
        throw new IllegalStateException("plain failure");
      }
      IllegalStateException failure = new IllegalStateException("login with " + params().password() + " refused",
          new UncheckedIOException(new IOException("header Bearer " + ctx().env().getStr("SERVICE_TOKEN"))));
      failure.addSuppressed(new RuntimeException("cleanup saw " + params().password()));
      throw failure;
    }
  }

  /** A step workflow whose second step fails quoting the secrets, and whose first step's rollback fails too. */
  public static final class FailingSteps extends StepAction<Login, StepContext, String> {
    @Override
    protected void registerSteps(StepRegistry<StepContext> registry) {
      registry.register(new Step<>() {
        @Override public String name() { return "prepare"; }
        @Override public StepResult execute(StepContext context) { return StepResult.ok(); }
        @Override public void rollback(StepContext context, StepResult result) {
          throw new IllegalStateException("could not undo with " + params().password());
        }
      });
      registry.register(new Step<>() {
        @Override public String name() { return "upload"; }
        @Override public StepResult execute(StepContext context) throws Exception {
          throw new IOException("upload with " + params().password() + " / " + context.env().getStr("SERVICE_TOKEN") + " failed");
        }
      });
    }

    @Override protected StepContext createContext(RuntimeContext runtime) { return new StepContext(runtime); }
    @Override protected String result(StepContext context) { return "never"; }
  }

  static final class Descriptor implements ActionDescriptor<Login, String> {
    private final boolean steps;

    Descriptor(boolean steps) {
      this.steps = steps;
    }

    @Override public String pluginCode() { return "robust_plugin"; }
    @Override public ActionConfig config() {
      return new ActionConfig("login", "Login", "", Failing.class.getName(), RunMethod.TASK, PluginCategory.CUSTOM, "", "",
          Login.class.getName(), "java.lang.String");
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override public Class<? extends BaseAction<Login, String>> actionClass() { return (Class) (steps ? FailingSteps.class : Failing.class); }
    @Override public Class<Login> paramsType() { return Login.class; }
    @Override public BaseAction<Login, String> newAction() { return steps ? new FailingSteps() : new Failing(); }
    // Written and bound back as the record itself: typed runs check params by writing and binding them.
    @Override public Login bindParams(Object params) { return (Login) ((Map<?, ?>) params).get("record"); }
    @Override public Map<String, Object> writeParams(Login params) { return Map.of("record", params); }
    @Override public Object writeResult(String result) { return result; }
    @Override public String readResult(Object value) { return (String) value; }
    @Override public Set<String> secretValues(Login params) { return Set.of(params.password()); }
  }

  private final LocalExecutor executor = LocalExecutor.builder()
      .env(Map.of("SERVICE_TOKEN", ENV_SECRET)).sink(new RecordingSink()).build();

  @Test
  void anExecutionErrorsCauseChainIsRedactedButKeepsClassesAndFrames() {
    ExecutionError error = assertThrows(ExecutionError.class, () -> executor.execute(new Descriptor(false), new Login(PARAM_SECRET, true)));
    String printed = printed(error);
    assertNoSecret(printed);
    assertTrue(printed.contains("java.lang.IllegalStateException: login with *** refused"), printed);
    assertTrue(printed.contains("Caused by: java.io.UncheckedIOException: java.io.IOException: header Bearer ***"), printed);
    assertTrue(printed.contains("Suppressed: java.lang.RuntimeException: cleanup saw ***"), printed);
    RedactedException cause = assertInstanceOf(RedactedException.class, error.getCause());
    assertEquals("java.lang.IllegalStateException", cause.originalClassName());
    assertEquals(Failing.class.getName(), cause.getStackTrace()[0].getClassName(), "the original frames are kept");
    assertEquals("java.lang.IllegalStateException", error.details().get("exception"));
  }

  @Test
  void aCauseQuotingNoSecretIsKeptAsItIs() {
    ExecutionError error = assertThrows(ExecutionError.class, () -> executor.execute(new Descriptor(false), new Login(PARAM_SECRET, false)));
    assertSame(IllegalStateException.class, error.getCause().getClass());
    assertEquals("plain failure", error.getCause().getMessage());
  }

  @Test
  void aStepErrorsCauseAndSuppressedRollbackFailuresAreRedacted() {
    StepError error = assertThrows(StepError.class, () -> executor.execute(new Descriptor(true), new Login(PARAM_SECRET, true)));
    String printed = printed(error);
    assertNoSecret(printed);
    assertEquals("upload", error.step());
    assertTrue(printed.contains("Caused by: java.io.IOException: upload with *** / *** failed"), printed);
    assertTrue(printed.contains("could not undo with ***"), printed);
    assertEquals(1, error.getSuppressed().length, "the failed rollback is still attached");
  }

  @Test
  void redactedCopiesHandleCyclesAndSelfSuppression() {
    RuntimeException first = new RuntimeException("a " + PARAM_SECRET);
    RuntimeException second = new RuntimeException("b", first);
    first.addSuppressed(second);
    assertTrue(RedactedException.leaks(second, text -> text.replace(PARAM_SECRET, "***")));
    RedactedException copy = RedactedException.copyOf(second, text -> text.replace(PARAM_SECRET, "***"));
    assertNoSecret(printed(copy));
    assertFalse(RedactedException.leaks(copy, text -> text.replace(PARAM_SECRET, "***")));
  }

  static String printed(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out + "\n" + error + "\n" + (error instanceof PluginError plugin ? plugin.details() : "");
  }

  static void assertNoSecret(String text) {
    assertFalse(text.contains(PARAM_SECRET), text);
    assertFalse(text.contains(ENV_SECRET), text);
  }
}
