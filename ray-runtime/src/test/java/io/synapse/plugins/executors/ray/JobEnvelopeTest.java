package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's result envelope mapped back to the LOCAL types, with the job's facts added to failures. */
class JobEnvelopeTest {
  private static Object read(String envelope) {
    return RayJobExecutor.readEnvelope(TaskMessagesTest.FakeDescriptor.INSTANCE, envelope, "synapse-count-1", JobStatus.FAILED,
        "Job entrypoint command failed with exit code 1", "last line");
  }

  @Test
  void successIsTheTypedResult() {
    assertEquals(Map.of("total", 5), RayJobExecutor.readEnvelope(TaskMessagesTest.FakeDescriptor.INSTANCE,
        "{\"ok\":true,\"result\":{\"total\":5},\"events\":[],\"pid\":7}", "id", JobStatus.SUCCEEDED, null, ""));
  }

  @Test
  void validationFailuresKeepEveryViolation() {
    String envelope = "{\"ok\":false,\"error\":{\"code\":\"validation_error\",\"message\":\"Invalid params\",\"details\":{\"subject\":"
        + "\"params of action 'count'\",\"violations\":[{\"path\":\"n\",\"message\":\"must be at least 1\",\"constraint\":\"Min\"},"
        + "{\"path\":\"x\",\"message\":\"is not a known field\",\"constraint\":\"UnknownField\"}]}},\"events\":[],\"pid\":7}";
    ValidationError error = assertThrows(ValidationError.class, () -> read(envelope));
    assertEquals(List.of(new Violation("n", "must be at least 1", "Min"), new Violation("x", "is not a known field", "UnknownField")),
        error.violations());
  }

  @Test
  void executionFailuresCarryTheRemoteExceptionAndTheJobsFacts() {
    String envelope = "{\"ok\":false,\"error\":{\"code\":\"execution_error\",\"message\":\"Action 'count' failed: boom\",\"details\":"
        + "{\"action\":\"count\"},\"exception\":\"java.lang.IllegalStateException\",\"exception_message\":\"boom\",\"stack\":"
        + "\"java.lang.IllegalStateException: boom\\n\\tat x.Count.execute(Count.java:3)\"},\"events\":[],\"pid\":7}";
    ExecutionError error = assertThrows(ExecutionError.class, () -> read(envelope));
    RemoteActionException cause = assertInstanceOf(RemoteActionException.class, error.getCause());
    assertEquals("java.lang.IllegalStateException", cause.remoteClassName());
    assertTrue(cause.remoteStackTrace().contains("Count.java:3"));
    assertEquals("synapse-count-1", error.details().get("submission_id"));
    assertEquals("FAILED", error.details().get("status"));
    assertEquals("last line", error.details().get("log_tail"));
    assertEquals("count", error.details().get("action"));
    assertTrue(error.getMessage().startsWith("Action 'count' failed: boom"), error.getMessage());
  }

  @Test
  void otherCodesKeepTheirCode() {
    PluginError error = assertThrows(PluginError.class, () -> read(
        "{\"ok\":false,\"error\":{\"code\":\"plugin_not_found\",\"message\":\"no plugin demo\",\"details\":{}},\"events\":[],\"pid\":7}"));
    assertEquals("plugin_not_found", error.code());
  }

  @Test
  void aMalformedEnvelopeIsAnExecutionErrorWithTheLogTail() {
    ExecutionError error = assertThrows(ExecutionError.class, () -> read("{\"ok\":tr"));
    assertTrue(error.getMessage().contains("malformed result"), error.getMessage());
    assertEquals("last line", error.details().get("log_tail"));
  }

  @Test
  void withoutADescriptorTheResultIsTheJsonValueAndErrorsKeepTheirCode() {
    assertEquals(List.of(1, 2), RayJobExecutor.readEnvelope(null, "{\"ok\":true,\"result\":[1,2]}", "id", JobStatus.SUCCEEDED, null, ""));
    PluginError error = assertThrows(PluginError.class, () -> RayJobExecutor.readEnvelope(null,
        "{\"ok\":false,\"error\":{\"code\":\"execution_error\",\"message\":\"m\",\"details\":{}}}", "id", JobStatus.FAILED, null, ""));
    assertEquals("execution_error", error.code());
    assertEquals("id", error.details().get("submission_id"));
  }

  @Test
  void entrypointWordsAreQuotedForTheShell() {
    assertEquals("-Xmx2g", RayJobExecutor.shellQuote("-Xmx2g"));
    assertEquals("lib/00-a.jar:lib/01-b.jar", RayJobExecutor.shellQuote("lib/00-a.jar:lib/01-b.jar"));
    assertEquals("'-Dname=a b'", RayJobExecutor.shellQuote("-Dname=a b"));
    assertEquals("'it'\\''s'", RayJobExecutor.shellQuote("it's"));
    assertEquals("''", RayJobExecutor.shellQuote(""));
  }
}
