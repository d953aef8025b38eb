package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.context.EventType;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.context.RecordingSink;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.internal.Json;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver/actor message format, without a cluster: every outcome maps back to the LOCAL type. */
class TaskMessagesTest {
  private static final PluginEvent PROGRESS = new PluginEvent(EventType.PROGRESS, System.Logger.Level.INFO, "count",
      "count", null, null, Map.of(), new PluginEvent.Progress(2, 4), Instant.parse("2026-01-01T00:00:00Z"), "job-1");

  @Test
  void requestsCarryPluginActionParamsEnvAndJobId() {
    Map<?, ?> request = (Map<?, ?>) Json.parse(TaskMessages.request("demo", "count", Map.of("n", 3),
        PluginEnvironment.of(Map.of("A", "1")), "job-1"));
    assertEquals(Map.of("plugin", "demo", "action", "count", "params", Map.of("n", 3), "env", Map.of("A", "1"), "job_id", "job-1"),
        request);
  }

  @Test
  void successReturnsTheTypedResultAndReplaysEvents() {
    RecordingSink sink = new RecordingSink();
    String response = TaskMessages.success(Map.of("total", 5), List.of(PROGRESS));
    Map<String, Object> result = TaskMessages.readResponse(FakeDescriptor.INSTANCE, response, sink);
    assertEquals(Map.of("total", 5), result);
    assertEquals(List.of(PROGRESS), sink.events());
  }

  @Test
  void validationErrorsKeepEveryViolation() {
    ValidationError original = new ValidationError("params of action 'count'",
        List.of(new Violation("n", "must be greater than or equal to 1", "Min"), new Violation("x", "is not a known field", "UnknownField")));
    ValidationError back = assertThrows(ValidationError.class, () -> roundTrip(original));
    assertEquals(original.violations(), back.violations());
    assertEquals(original.getMessage(), back.getMessage());
  }

  @Test
  void actionNotFoundAndConfigErrorsKeepTheirType() {
    ActionNotFoundError notFound = assertThrows(ActionNotFoundError.class,
        () -> roundTrip(new ActionNotFoundError("demo", "cont", List.of("count"))));
    assertEquals(List.of("count"), notFound.available());
    assertEquals("count", notFound.suggestion().orElseThrow());
    assertThrows(ConfigError.class, () -> roundTrip(new ConfigError("bad", Map.of("file", "x"))));
    PluginError other = assertThrows(PluginError.class, () -> roundTrip(new PluginError("custom_code", "m", Map.of())));
    assertEquals("custom_code", other.code());
  }

  @Test
  void executionErrorsCarryTheRemoteExceptionClassMessageAndStack() {
    ExecutionError original = new ExecutionError("Action 'count' failed", Map.of("action", "count"),
        new IllegalStateException("disk full"));
    ExecutionError back = assertThrows(ExecutionError.class, () -> roundTrip(original));
    RemoteActionException cause = assertInstanceOf(RemoteActionException.class, back.getCause());
    assertEquals(IllegalStateException.class.getName(), cause.remoteClassName());
    assertTrue(cause.getMessage().endsWith("disk full"));
    assertTrue(cause.remoteStackTrace().contains("TaskMessagesTest"), cause.remoteStackTrace());
    assertEquals("count", back.details().get("action"));
    assertTrue(back.details().containsKey("worker_pid"));
  }

  @Test
  void unexpectedThrowablesBecomeExecutionErrors() {
    ExecutionError back = assertThrows(ExecutionError.class, () -> roundTrip(new StackOverflowError("deep")));
    assertEquals(StackOverflowError.class.getName(), ((RemoteActionException) back.getCause()).remoteClassName());
  }

  @Test
  void malformedResponsesAreExecutionErrors() {
    assertThrows(ExecutionError.class, () -> TaskMessages.readResponse(FakeDescriptor.INSTANCE, "[1,2]", new RecordingSink()));
  }

  private static void roundTrip(Throwable error) {
    TaskMessages.readResponse(FakeDescriptor.INSTANCE, TaskMessages.failure(error, List.of()), new RecordingSink());
  }

  /** A minimal descriptor whose result is a JSON map. */
  static final class FakeDescriptor implements ActionDescriptor<NoParams, Map<String, Object>> {
    static final FakeDescriptor INSTANCE = new FakeDescriptor();

    @Override public String pluginCode() { return "demo"; }
    @Override public ActionConfig config() {
      return new ActionConfig("count", "Count", "", "x.Count", ExecutionMode.TASK, PluginCategory.CUSTOM, "", "",
          NoParams.class.getName(), "java.util.Map");
    }
    @Override public Class<? extends BaseAction<NoParams, Map<String, Object>>> actionClass() { return null; }
    @Override public Class<NoParams> paramsType() { return NoParams.class; }
    @Override public BaseAction<NoParams, Map<String, Object>> newAction() { throw new UnsupportedOperationException(); }
    @Override public NoParams bindParams(Object params) { return NoParams.INSTANCE; }
    @Override public Map<String, Object> writeParams(NoParams params) { return Map.of(); }
    @Override public Object writeResult(Map<String, Object> result) { return result; }
    @SuppressWarnings("unchecked")
    @Override public Map<String, Object> readResult(Object value) { return (Map<String, Object>) value; }
  }
}
