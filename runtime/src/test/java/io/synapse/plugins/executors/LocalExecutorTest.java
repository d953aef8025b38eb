package io.synapse.plugins.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.fixture.FailingAction;
import io.synapse.plugins.fixture.GreetAction;
import io.synapse.plugins.fixture.GreetParams;
import io.synapse.plugins.fixture.TestPluginRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {
  private final RecordingSink sink = new RecordingSink();
  private final LocalExecutor executor = LocalExecutor.builder()
      .env(Map.of("SUFFIX", "!"))
      .jobId("job-7")
      .sink(sink)
      .build();

  @Test
  void runsTheActionWithParamsEnvJobIdAndEvents() {
    String result = executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams("ada", 3));
    assertEquals("hello ada! #job-7", result);
    List<PluginEvent> progress = sink.events(EventType.PROGRESS);
    assertEquals(List.of(1L, 2L, 3L), progress.stream().map(e -> e.progress().current()).toList());
    assertEquals("greet", progress.get(0).category(), "default category is the action name");
    assertEquals("job-7", progress.get(0).jobId());
    assertEquals(Map.of("greeted", 3), sink.events(EventType.METRICS).get(0).data());
    assertEquals("hello ada", sink.events(EventType.MESSAGE).get(0).message());
    assertEquals("greeted", sink.events(EventType.LOG).get(0).name());
  }

  @Test
  void bindsUntypedParamsThroughTheClassProtocol() {
    Object result = executor.execute(GreetAction.class, Map.of("name", "bob"));
    assertEquals("hello bob! #job-7", result);
  }

  @Test
  void invalidParamsRaiseValidationErrorAndTheActionNeverStarts() {
    int before = GreetAction.STARTED.get();
    ValidationError error = assertThrows(ValidationError.class,
        () -> executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, Map.of("name", " ", "times", 50, "extra", 1)));
    assertEquals(List.of("extra", "name", "times"), error.violations().stream().map(v -> v.path()).sorted().toList());
    assertTrue(error.getMessage().startsWith("Invalid params of action 'greet' (3 violations)"), error.getMessage());
    assertEquals(before, GreetAction.STARTED.get());
    assertEquals(3, ((List<?>) error.details().get("violations")).size());
  }

  @Test
  void failuresBecomeExecutionErrorsKeepingTheCause() {
    ExecutionError error = assertThrows(ExecutionError.class,
        () -> executor.execute(TestPluginRegistry.FailDescriptor.INSTANCE, NoParams.INSTANCE));
    assertInstanceOf(IllegalStateException.class, error.getCause());
    assertEquals("fail", error.details().get("action"));
    assertEquals("test_plugin", error.details().get("plugin"));
    assertEquals("job-7", error.details().get("job_id"));
    assertEquals(IllegalStateException.class.getName(), error.details().get("exception"));
    assertTrue(error.getMessage().contains("disk on fire"));
    assertEquals("execution_error", error.code());
  }

  @Test
  void anActionInstanceCannotBeInitialisedTwice() {
    GreetAction action = new GreetAction();
    io.synapse.plugins.action.ActionAccess.initialize(action, new GreetParams("x", 1),
        io.synapse.plugins.context.RuntimeContext.builder("greet").build());
    assertThrows(IllegalStateException.class, () -> io.synapse.plugins.action.ActionAccess.initialize(action,
        new GreetParams("y", 1), io.synapse.plugins.context.RuntimeContext.builder("greet").build()));
    assertEquals("x", action.params().name());
  }

  @Test
  void classesWithoutDescriptorsAreReported() {
    @SuppressWarnings("unchecked")
    Class<? extends BaseAction<?, ?>> unregistered = (Class<? extends BaseAction<?, ?>>) (Class<?>) Unregistered.class;
    ActionNotFoundError error = assertThrows(ActionNotFoundError.class, () -> executor.execute(unregistered, Map.of()));
    assertTrue(error.getMessage().contains(Unregistered.class.getName()), error.getMessage());
    assertTrue(error.available().contains("test_plugin:greet"), String.valueOf(error.available()));
  }

  @Test
  void progressIsClampedInsteadOfFailing() {
    io.synapse.plugins.context.RuntimeContext context =
        io.synapse.plugins.context.RuntimeContext.builder("x").sink(sink).build();
    context.setProgress(5, 0, "c");
    context.setProgress(-1, 10, "c");
    context.setProgress(20, 10, "c");
    assertEquals(List.of("1/1", "0/10", "10/10"), sink.events(EventType.PROGRESS).stream()
        .map(e -> e.progress().current() + "/" + e.progress().total()).toList());
  }

  static final class Unregistered extends BaseAction<NoParams, Void> {
    @Override
    public Void execute() {
      return null;
    }
  }

  @Test
  void failingActionClassIsFoundByClass() {
    assertThrows(ExecutionError.class, () -> executor.execute(FailingAction.class, null));
  }

  @Test
  void aRecordBuiltInJavaIsCheckedByTheRulesOfTheMapAndNeverStartsWhenInvalid() {
    int started = GreetAction.STARTED.get();
    ValidationError typed = assertThrows(ValidationError.class,
        () -> executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams(" ", 1)));
    ValidationError untyped = assertThrows(ValidationError.class,
        () -> executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, Map.of("name", " ", "times", 1)));
    assertEquals(untyped.violations(), typed.violations(), "the same violations on both paths");
    assertEquals(started, GreetAction.STARTED.get(), "the action never started");
    assertThrows(NullPointerException.class, () -> executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, (GreetParams) null));
  }

  @Test
  void aRequestsParamsAreValidatedOnceWhenItIsMadeAndRunAsTheyAre() {
    io.synapse.plugins.RunOptions options = io.synapse.plugins.RunOptions.defaults();
    assertThrows(ValidationError.class, () -> ExecutionRequest.of(null, TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams("", 1), options));
    assertThrows(ValidationError.class, () -> ExecutionRequest.bind(null, TestPluginRegistry.GreetDescriptor.INSTANCE, Map.of("times", "x"), options));
    ExecutionRequest<GreetParams, String> request = ExecutionRequest.bind(null, TestPluginRegistry.GreetDescriptor.INSTANCE,
        Map.of("name", "cy"), options);
    assertEquals(new GreetParams("cy", 1), request.params());
    assertEquals("hello cy! #job-7", executor.run(request));
  }

  @Test
  void aWorkingDirectoryIsTheContextsAndMustExist(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    LocalExecutor inDir = LocalExecutor.builder().workingDir(dir).sink(sink).build();
    assertEquals(dir.toAbsolutePath().normalize(), inDir.settings().workingDir());
    assertThrows(io.synapse.plugins.errors.ConfigError.class, () -> LocalExecutor.builder().workingDir(dir.resolve("missing")).build());
    io.synapse.plugins.context.RuntimeContext none = io.synapse.plugins.context.RuntimeContext.builder("x").build();
    assertEquals(java.nio.file.Path.of("").toAbsolutePath(), none.workingDir());
    assertTrue(!none.hasWorkingDir());
  }
}
