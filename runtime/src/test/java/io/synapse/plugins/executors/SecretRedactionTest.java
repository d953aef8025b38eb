package io.synapse.plugins.executors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.CompositeSink;
import io.synapse.plugins.events.ConsoleSink;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.events.ThrottlingSink;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepContext;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import io.synapse.plugins.steps.Steps;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No secret value reaches any sink's output or an error message. */
class SecretRedactionTest {
  private static final String PARAM_SECRET = "param-pa55word";
  private static final String ENV_SECRET = "env-t0ken-value";

  record LoginParams(String user, String password, boolean failInStep) {}

  /** Reports the secrets every way an action can, then fails with them in the message. */
  public static final class LeakyAction extends BaseAction<LoginParams, String> {
    @Override
    public String execute() {
      String token = ctx().env().getStr("SERVICE_TOKEN");
      String both = params().password() + " " + token;
      ctx().log("login", Map.of("user", params().user(), "password", params().password(), "header", "Bearer " + token));
      ctx().log("login " + both, Map.of(), both);
      ctx().setMetrics(Map.of("note", both, "nested", List.of(Map.of("v", both))), "metrics " + both);
      ctx().setProgress(1, 2, both);
      ctx().setProgress(5, 0, both);
      ctx().logMessage("logged in with " + both);
      ctx().logDevEvent("dev " + both, Map.of("k", both));
      throw new IllegalStateException("rejected " + both);
    }
  }

  /** The same secrets through a step workflow. */
  public static final class LeakyStepAction extends StepAction<LoginParams, StepContext, String> {
    @Override
    protected void registerSteps(StepRegistry<StepContext> registry) {
      registry.register(Steps.logged(Steps.timed(new Step<>() {
        @Override public String name() { return "login"; }
        @Override public StepResult execute(StepContext context) {
          context.log("using", Map.of("pw", params().password()));
          context.setMetrics(Map.of("token", context.env().getStr("SERVICE_TOKEN")));
          return StepResult.failure("refused " + params().password() + " " + context.env().getStr("SERVICE_TOKEN"));
        }
      })));
    }

    @Override
    protected StepContext createContext(RuntimeContext runtime) {
      return new StepContext(runtime);
    }

    @Override
    protected String result(StepContext context) {
      return "never";
    }
  }

  static final class Descriptor implements ActionDescriptor<LoginParams, String> {
    private final boolean steps;

    Descriptor(boolean steps) {
      this.steps = steps;
    }

    @Override public String pluginCode() { return "test_plugin"; }
    @Override public ActionConfig config() {
      return new ActionConfig("login", "Login", "Logs in", LeakyAction.class.getName(), RunMethod.TASK,
          PluginCategory.CUSTOM, "", "", LoginParams.class.getName(), "java.lang.String");
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override public Class<? extends BaseAction<LoginParams, String>> actionClass() {
      return (Class) (steps ? LeakyStepAction.class : LeakyAction.class);
    }
    @Override public Class<LoginParams> paramsType() { return LoginParams.class; }
    @Override public BaseAction<LoginParams, String> newAction() { return steps ? new LeakyStepAction() : new LeakyAction(); }
    // Written and bound back as the record itself: typed runs check params by writing and binding them.
    @Override public LoginParams bindParams(Object params) { return (LoginParams) ((Map<?, ?>) params).get("record"); }
    @Override public Map<String, Object> writeParams(LoginParams params) { return Map.of("record", params); }
    @Override public Object writeResult(String result) { return result; }
    @Override public String readResult(Object value) { return (String) value; }
    @Override public Set<String> secretValues(LoginParams params) { return Set.of(params.password()); }
  }

  private final ByteArrayOutputStream jsonLines = new ByteArrayOutputStream();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final RecordingSink recording = new RecordingSink();
  private final LocalExecutor executor = LocalExecutor.builder()
      .env(Map.of("SERVICE_TOKEN", ENV_SECRET, "REGION", "eu"))
      .sink(new ThrottlingSink(CompositeSink.of(new JsonLinesSink(jsonLines),
          new ConsoleSink(new PrintStream(console, true, StandardCharsets.UTF_8)), recording)))
      .build();

  private void assertNoSecretAnywhere(RuntimeException error) {
    String everything = jsonLines.toString(StandardCharsets.UTF_8) + "\n" + console.toString(StandardCharsets.UTF_8)
        + "\n" + recording.events() + "\n" + error.getMessage() + "\n" + error;
    assertFalse(recording.events().isEmpty());
    assertTrue(everything.contains("***"), "secrets were seen and masked");
    assertFalse(everything.contains(PARAM_SECRET), everything);
    assertFalse(everything.contains(ENV_SECRET), everything);
  }

  @Test
  void noSecretReachesAnySinkOrTheErrorMessage() {
    ExecutionError error = assertThrows(ExecutionError.class,
        () -> executor.execute(new Descriptor(false), new LoginParams("ada", PARAM_SECRET, false)));
    assertNoSecretAnywhere(error);
    assertTrue(jsonLines.toString(StandardCharsets.UTF_8).lines().count() >= 8);
  }

  @Test
  void theSecretNameWordsAreConfigurable() {
    RecordingSink events = new RecordingSink();
    LocalExecutor custom = LocalExecutor.builder()
        .env(Map.of("SERVICE_TOKEN", ENV_SECRET, "CARD_PIN", "pin-998877"))
        .secretNameWords(List.of("PIN"))
        .sink(events)
        .build();
    ExecutionError error = assertThrows(ExecutionError.class,
        () -> custom.execute(new Descriptor(false), new LoginParams("ada", PARAM_SECRET, false)));
    assertTrue(error.getMessage().contains(ENV_SECRET), "TOKEN no longer marks a secret");
    assertFalse(error.getMessage().contains(PARAM_SECRET), "@Secret values are always hidden");
  }

  @Test
  void noSecretReachesAnySinkOrTheStepError() {
    StepError error = assertThrows(StepError.class,
        () -> executor.execute(new Descriptor(true), new LoginParams("ada", PARAM_SECRET, true)));
    assertNoSecretAnywhere(error);
  }
}
