package io.synapse.plugins.executors.ray;

import io.synapse.plugins.executors.JobStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.executors.remote.RemoteActionException;
import io.synapse.plugins.executors.remote.RemoteFailures;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's outcome message mapped back to the LOCAL types, with the job's facts added to failures. */
class JobResultsTest {
  private static Object read(String line) {
    return JobResults.readOutcome(FakeDescriptor.INSTANCE, line, "synapse-count-1", JobStatus.FAILED,
        "Job entrypoint command failed with exit code 1", "last line");
  }

  private static String failure(Throwable thrown) {
    return RemoteProtocol.write(RemoteFailures.of("synapse-count-1", thrown, Redactor.none()));
  }

  @Test
  void successIsTheTypedResult() {
    String line = RemoteProtocol.write(new RemoteMessage.Result("id", Map.of("total", 5), 7));
    assertEquals(Map.of("total", 5), JobResults.readOutcome(FakeDescriptor.INSTANCE, line, "id", JobStatus.SUCCEEDED, null, ""));
  }

  @Test
  void validationFailuresKeepEveryViolation() {
    List<Violation> violations = List.of(new Violation("n", "must be at least 1", "Min"), new Violation("x", "is not a known field", "UnknownField"));
    ValidationError error = assertThrows(ValidationError.class, () -> read(failure(new ValidationError("params of action 'count'", violations))));
    assertEquals(violations, error.violations());
  }

  @Test
  void executionFailuresCarryTheRemoteExceptionAndTheJobsFacts() {
    ExecutionError thrown = new ExecutionError("Action 'count' failed: boom", Map.of("action", "count"), new IllegalStateException("boom"));
    ExecutionError error = assertThrows(ExecutionError.class, () -> read(failure(thrown)));
    RemoteActionException cause = assertInstanceOf(RemoteActionException.class, error.getCause());
    assertEquals("java.lang.IllegalStateException", cause.remoteClassName());
    assertTrue(cause.remoteStackTrace().contains("JobResultsTest"), cause.remoteStackTrace());
    assertEquals("synapse-count-1", error.details().get("submission_id"));
    assertEquals("FAILED", error.details().get("status"));
    assertEquals("last line", error.details().get("log_tail"));
    assertEquals("count", error.details().get("action"));
    assertTrue(!error.details().containsKey("worker_pid"), "a job's pid says nothing: " + error.details());
    assertTrue(error.getMessage().startsWith("Action 'count' failed: boom"), error.getMessage());
  }

  @Test
  void otherCodesKeepTheirCode() {
    PluginError error = assertThrows(PluginError.class, () -> read(failure(new PluginError("plugin_not_found", "no plugin demo", Map.of()))));
    assertEquals("plugin_not_found", error.code());
  }

  @Test
  void aMalformedOutcomeIsAnExecutionErrorWithTheLogTail() {
    for (String line : List.of("{\"ok\":tr", "{\"ok\":true,\"result\":1}", "{\"protocol\":\"synapse-remote\",\"version\":1}",
        RemoteProtocol.write(new RemoteMessage.Request("i", "p", "a", Map.of(), Map.of(), null, null, null, null)))) {
      ExecutionError error = assertThrows(ExecutionError.class, () -> read(line), line);
      assertTrue(error.getMessage().contains("malformed result") || error.getMessage().contains("no result"), error.getMessage());
      assertEquals("last line", error.details().get("log_tail"));
    }
  }

  @Test
  void withoutADescriptorTheResultIsTheJsonValueAndErrorsKeepTheirCode() {
    String ok = RemoteProtocol.write(new RemoteMessage.Result("id", List.of(1, 2), 1));
    assertEquals(List.of(1, 2), JobResults.readOutcome(null, ok, "id", JobStatus.SUCCEEDED, null, ""));
    String failed = failure(new ExecutionError("m", Map.of(), null));
    PluginError error = assertThrows(PluginError.class, () -> JobResults.readOutcome(null, failed, "id", JobStatus.FAILED, null, ""));
    assertEquals("execution_error", error.code());
    assertEquals("id", error.details().get("submission_id"));
  }

  @Test
  void entrypointWordsAreQuotedForTheShell() {
    assertEquals("-Xmx2g", JobSubmitter.shellQuote("-Xmx2g"));
    assertEquals("lib/00-a.jar:lib/01-b.jar", JobSubmitter.shellQuote("lib/00-a.jar:lib/01-b.jar"));
    assertEquals("'-Dname=a b'", JobSubmitter.shellQuote("-Dname=a b"));
    assertEquals("'it'\\''s'", JobSubmitter.shellQuote("it's"));
    assertEquals("''", JobSubmitter.shellQuote(""));
    assertEquals("'$HOME'", JobSubmitter.shellQuote("$HOME"));
  }
}
