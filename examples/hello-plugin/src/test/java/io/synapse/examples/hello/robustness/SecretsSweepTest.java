package io.synapse.examples.hello.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.hello.SignParams;
import io.synapse.examples.hello.SignParams_Binder;
import io.synapse.examples.hello.SignedFile;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.CompositeSink;
import io.synapse.plugins.events.ConsoleSink;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepContext;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sign action (its {@code apiToken} is {@code @Secret}) in LOCAL mode down every path (success,
 * each kind of invalid params, execution failure, step failure with a failing rollback) with
 * secret-looking environment entries, capturing everything: every sink (recording, JSON Lines, console
 * into a buffer, the default console on System.err), System.out and System.err, error messages,
 * details, and printed stack traces with causes and suppressed exceptions. No secret value appears.
 */
class SecretsSweepTest {
  static final String TOKEN = "tok-SWEEP-7f3a9c21";
  static final String ENV_KEY = "env-KEY-5512aa90";
  static final String ENV_PASSWORD = "env-PW-c0ffee77";
  static final Map<String, String> ENV = Map.of("STORAGE_API_KEY", ENV_KEY, "DB_PASSWORD", ENV_PASSWORD, "REGION", "eu-west-1");

  @TempDir Path temp;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ByteArrayOutputStream jsonLines = new ByteArrayOutputStream();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final RecordingSink recording = new RecordingSink();
  private final StringBuilder errors = new StringBuilder();
  private PrintStream realOut;
  private PrintStream realErr;
  private int paths;

  @BeforeEach
  void captureStandardStreams() {
    realOut = System.out;
    realErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardStreams() {
    System.setOut(realOut);
    System.setErr(realErr);
    PluginRunner.clearCache();
  }

  @Test
  void noSecretOnAnyPathReachesAnyOutput() throws Exception {
    Path file = Files.writeString(temp.resolve("data.csv"), "a,b\n1,2\n");
    Map<String, Object> good = params(file.toString(), Map.of("bucket", "my-bucket"), TOKEN);

    // Success, through runPlugin (all sinks), the facade's executor and the default console sink.
    SignedFile signed = (SignedFile) PluginRunner.runPlugin("hello_plugin", "sign", good, ExecutionMode.LOCAL, options());
    assertEquals(64, signed.signature().length());
    assertFalse(signed.toString().contains(TOKEN));
    PluginRunner.runPlugin("hello_plugin", "sign", good, ExecutionMode.LOCAL, RunOptions.builder().env(ENV).build());
    paths += 2;

    // Every kind of invalid params, with the token present and in places it does not belong.
    List<Map<String, Object>> invalid = new ArrayList<>();
    invalid.add(params(null, Map.of("bucket", "b"), TOKEN));
    invalid.add(params(file.toString(), Map.of("bucket", TOKEN), TOKEN));
    invalid.add(params(file.toString(), Map.of("bucket", "b", "prefix", 1), TOKEN));
    invalid.add(params(file.toString(), TOKEN, TOKEN));
    invalid.add(params(TOKEN + "\0", Map.of("bucket", "b"), TOKEN));
    invalid.add(params(file.toString(), Map.of("bucket", "b"), List.of(TOKEN)));
    invalid.add(params(file.toString(), Map.of("bucket", "b"), Map.of("value", TOKEN)));
    Map<String, Object> unknown = params(file.toString(), Map.of("bucket", "b"), TOKEN);
    unknown.put("apiTokn", TOKEN);
    invalid.add(unknown);
    for (Map<String, Object> params : invalid) {
      ValidationError error = assertThrows(ValidationError.class,
          () -> PluginRunner.runPlugin("hello_plugin", "sign", params, ExecutionMode.LOCAL, options()));
      record(error);
      ValidationError direct = assertThrows(ValidationError.class, () -> SignParams_Binder.INSTANCE.bind(params));
      record(direct);
    }

    // Execution failures: a missing file whose path quotes the token, and a directory.
    for (String missing : List.of(temp.resolve("missing-" + TOKEN + ".csv").toString(), temp.toString())) {
      PluginError error = assertThrows(PluginError.class, () -> PluginRunner.runPlugin("hello_plugin", "sign",
          params(missing, Map.of("bucket", "b"), TOKEN), ExecutionMode.LOCAL, options()));
      record(error);
    }
    PluginError viaFacade = assertThrows(PluginError.class, () -> io.synapse.examples.hello.HelloPlugin.sign(
        new SignParams(temp.resolve(TOKEN), new SignParams.Destination("b", "p/"), TOKEN),
        LocalExecutor.builder().env(ENV).sink(sinks()).build()));
    record(viaFacade);

    // Step failure (and a failing rollback) quoting the token and the environment's secrets.
    PluginError stepError = assertThrows(PluginError.class, () -> LocalExecutor.builder().env(ENV).sink(sinks()).build()
        .execute(new SigningStepsDescriptor(), good));
    assertEquals("step_failed", stepError.code());
    record(stepError);

    String everything = everything();
    assertEquals(2 + 8 * 2 + 2 + 1 + 1, paths, "successes, invalid params twice each, execution failures, facade, steps");
    assertTrue(everything.contains("***"), "the secrets were met and masked, not avoided");
    assertTrue(recording.events().toString().contains("***"), "events carrying the secrets were recorded, masked");
    assertTrue(jsonLines.toString(StandardCharsets.UTF_8).contains("***") && console.toString(StandardCharsets.UTF_8).contains("***"));
    for (String secret : List.of(TOKEN, ENV_KEY, ENV_PASSWORD)) {
      int at = everything.indexOf(secret);
      assertEquals(-1, at, () -> "secret found: ..." + everything.substring(Math.max(0, at - 300), Math.min(everything.length(), at + 100)));
    }
  }

  @Test
  void theSweepCanFail() {
    // The same capture, with a deliberately leaking sink, does find the token.
    EventSink leaking = event -> System.err.println("raw " + TOKEN);
    leaking.accept(null);
    assertTrue(everything().contains(TOKEN));
  }

  private Map<String, Object> params(Object file, Object destination, Object token) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("file", file);
    params.put("destination", destination);
    params.put("apiToken", token);
    return params;
  }

  private RunOptions options() {
    return RunOptions.builder().env(ENV).jobId("sweep-" + paths).sink(sinks()).build();
  }

  private EventSink sinks() {
    return CompositeSink.of(recording, new JsonLinesSink(jsonLines),
        new ConsoleSink(new PrintStream(console, true, StandardCharsets.UTF_8)), new ConsoleSink());
  }

  private void record(Throwable error) {
    paths++;
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    errors.append(error).append('\n').append(error.getMessage()).append('\n').append(trace).append('\n');
    if (error instanceof PluginError plugin) {
      errors.append(plugin.details()).append('\n');
    }
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      errors.append(cause.getMessage()).append('\n').append(cause.getLocalizedMessage()).append('\n');
    }
  }

  private String everything() {
    System.out.flush();
    System.err.flush();
    return String.join("\n", stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
        jsonLines.toString(StandardCharsets.UTF_8), console.toString(StandardCharsets.UTF_8), recording.events().toString(),
        errors);
  }

  /** A step workflow over SignParams whose upload fails quoting the secrets, and whose first rollback fails too. */
  public static final class SigningSteps extends StepAction<SignParams, StepContext, String> {
    @Override
    protected void registerSteps(StepRegistry<StepContext> registry) {
      registry.register(new Step<>() {
        @Override public String name() { return "hash"; }
        @Override public StepResult execute(StepContext context) {
          context.log("hashing", Map.of("token", params().apiToken(), "key", context.env().getStr("STORAGE_API_KEY")));
          return StepResult.ok(Map.of("note", "signed with " + params().apiToken()));
        }
        @Override public void rollback(StepContext context, StepResult result) {
          throw new IllegalStateException("cannot unsign " + params().apiToken());
        }
      });
      registry.register(new Step<>() {
        @Override public String name() { return "upload"; }
        @Override public StepResult execute(StepContext context) throws IOException {
          throw new IOException("401 for token " + params().apiToken() + " key " + context.env().getStr("STORAGE_API_KEY"),
              new IllegalArgumentException("password " + context.env().getStr("DB_PASSWORD")));
        }
      });
    }

    @Override protected StepContext createContext(RuntimeContext runtime) { return new StepContext(runtime); }
    @Override protected String result(StepContext context) { return "never"; }
  }

  /** What the processor would generate for {@link SigningSteps}, with the generated SignParams binder. */
  static final class SigningStepsDescriptor implements ActionDescriptor<SignParams, String> {
    @Override public String pluginCode() { return "hello_plugin"; }
    @Override public ActionConfig config() {
      return new ActionConfig("sign-steps", "Sign in steps", "", SigningSteps.class.getName(), RunMethod.JOB,
          PluginCategory.UPLOAD, "", "", SignParams.class.getName(), "java.lang.String");
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override public Class<? extends BaseAction<SignParams, String>> actionClass() { return (Class) SigningSteps.class; }
    @Override public Class<SignParams> paramsType() { return SignParams.class; }
    @Override public BaseAction<SignParams, String> newAction() { return new SigningSteps(); }
    @Override public SignParams bindParams(Object params) { return SignParams_Binder.INSTANCE.bind(params); }
    @Override public Map<String, Object> writeParams(SignParams params) { throw new UnsupportedOperationException(); }
    @Override public Object writeResult(String result) { return result; }
    @Override public String readResult(Object value) { return (String) value; }
    @Override public Set<String> secretValues(SignParams params) { return Set.of(params.apiToken()); }
  }
}
