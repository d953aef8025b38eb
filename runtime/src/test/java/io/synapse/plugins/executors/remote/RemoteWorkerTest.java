package io.synapse.plugins.executors.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.fixture.GreetAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker routine both remote modes run, in process: events first, then exactly one outcome, never a throw. */
class RemoteWorkerTest {
  private final RemoteWorker worker = new RemoteWorker(RemoteWorkerTest.class.getClassLoader(), io.synapse.plugins.ExecutionMode.TASK);

  @TempDir
  Path dir;

  private List<RemoteMessage> run(String plugin, String action, Map<String, Object> params, Map<String, String> env, String workingDir) {
    List<RemoteMessage> out = new ArrayList<>();
    RemoteMessage.Outcome outcome = worker.run(new RemoteMessage.Request("req-1", plugin, action, params, env, "job-9", workingDir, null, null),
        out::add);
    assertEquals(outcome, out.get(out.size() - 1), "the outcome is the last message");
    assertEquals(1, out.stream().filter(m -> m instanceof RemoteMessage.Outcome).count());
    assertTrue(out.stream().allMatch(m -> m.id().equals("req-1")), "every message carries the request's id");
    return out;
  }

  private static RemoteMessage.Failure failure(List<RemoteMessage> messages) {
    return assertInstanceOf(RemoteMessage.Failure.class, messages.get(messages.size() - 1));
  }

  @Test
  void aRunReportsItsEventsThenItsResult() {
    List<RemoteMessage> messages = run("test_plugin", "greet", Map.of("name", "ada", "times", 2), Map.of("SUFFIX", "!"), null);
    RemoteMessage.Result result = assertInstanceOf(RemoteMessage.Result.class, messages.get(messages.size() - 1));
    assertEquals("hello ada! #job-9", result.value());
    assertEquals(ProcessHandle.current().pid(), result.pid());
    List<EventType> types = messages.stream().filter(m -> m instanceof RemoteMessage.Event)
        .map(m -> ((RemoteMessage.Event) m).event().type()).toList();
    assertEquals(List.of(EventType.PROGRESS, EventType.PROGRESS, EventType.METRICS, EventType.LOG, EventType.MESSAGE), types);
  }

  @Test
  void badParamsAnUnknownActionOrPluginAndAFailingActionAreFailuresNeverThrows() {
    int started = GreetAction.STARTED.get();
    RemoteMessage.Failure invalid = failure(run("test_plugin", "greet", Map.of("name", " ", "extra", 1), Map.of(), null));
    assertEquals("validation_error", invalid.code());
    assertEquals(started, GreetAction.STARTED.get(), "the action never started");
    assertEquals("action_not_found", failure(run("test_plugin", "gret", Map.of(), Map.of(), null)).code());
    assertEquals("plugin_not_found", failure(run("no_such_plugin", "greet", Map.of(), Map.of(), null)).code());
    RemoteMessage.Failure failed = failure(run("test_plugin", "fail", Map.of(), Map.of(), null));
    assertEquals("execution_error", failed.code());
    assertTrue(failed.exception() != null && failed.stack().contains("FailingAction"), String.valueOf(failed.stack()));
    RemoteMessage.Failure noDir = failure(run("test_plugin", "greet", Map.of("name", "a"), Map.of(), dir.resolve("missing").toString()));
    assertEquals("config_error", noDir.code());
  }

  @Test
  void secretsOfTheEnvironmentNeverLeaveTheWorker() {
    String secret = "tok-worker-7f3a-secret";
    List<RemoteMessage> messages = run("test_plugin", "greet", Map.of("name", secret, "times", 1), Map.of("API_TOKEN", secret), null);
    // The result is the action's own value, returned as LOCAL returns it; every event is redacted.
    String events = RemoteProtocol.transcript(messages.subList(0, messages.size() - 1));
    assertTrue(events.contains("greeted") && events.contains("***"), events);
    assertFalse(events.contains(secret), events);
    String failed = RemoteProtocol.transcript(run("test_plugin", "greet", Map.of("name", secret, "times", 0, "extra", secret),
        Map.of("API_TOKEN", secret), null));
    assertFalse(failed.contains(secret), failed);
  }

  @Test
  void aWorkingDirectoryIsResolvedOnTheWorker() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    RemoteMessage.Result result = assertInstanceOf(RemoteMessage.Result.class,
        run("test_plugin", "greet", Map.of("name", "x"), Map.of(), work.toString()).get(4));
    assertEquals("hello x #job-9", result.value());
  }
}
