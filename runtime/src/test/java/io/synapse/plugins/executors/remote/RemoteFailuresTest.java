package io.synapse.plugins.executors.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.fixture.TestPluginRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one mapping between thrown errors and failure messages: every type comes back as itself, secrets hidden. */
class RemoteFailuresTest {
  private static PluginError roundTrip(Throwable thrown) {
    String line = RemoteProtocol.write(RemoteFailures.of("r", thrown, Redactor.none()));
    RemoteMessage.Failure failure = (RemoteMessage.Failure) RemoteProtocol.read(line);
    return assertThrows(PluginError.class, () -> RemoteFailures.outcome(failure, TestPluginRegistry.GreetDescriptor.INSTANCE));
  }

  @Test
  void validationErrorsKeepEveryViolationAndTheMessage() {
    ValidationError original = new ValidationError("params of action 'greet'",
        List.of(new Violation("times", "must be greater than or equal to 1", "Min"), new Violation("x", "is not a known field", "UnknownField")));
    ValidationError back = assertInstanceOf(ValidationError.class, roundTrip(original));
    assertEquals(original.violations(), back.violations());
    assertEquals(original.getMessage(), back.getMessage());
  }

  @Test
  void everyTypedErrorKeepsItsType() {
    ActionNotFoundError notFound = assertInstanceOf(ActionNotFoundError.class, roundTrip(new ActionNotFoundError("demo", "gret", List.of("greet"))));
    assertEquals(List.of("greet"), notFound.available());
    assertEquals("greet", notFound.suggestion().orElseThrow());
    assertInstanceOf(PluginNotFoundError.class, roundTrip(new PluginNotFoundError("no plugin x", Map.of("available", List.of()))));
    assertEquals("x", assertInstanceOf(ConfigError.class, roundTrip(new ConfigError("bad", Map.of("file", "x")))).details().get("file"));
    StepError step = assertInstanceOf(StepError.class, roundTrip(new StepError("convert", "Step 'convert' failed",
        Map.of("step", "convert", "rolled_back", List.of("prepare")), new IllegalStateException("disk"))));
    assertEquals("convert", step.step());
    assertEquals(List.of("prepare"), step.details().get("rolled_back"));
    assertEquals(IllegalStateException.class.getName(), ((RemoteActionException) step.getCause()).remoteClassName());
    PluginError other = roundTrip(new PluginError("custom_code", "m", Map.of("k", 1)));
    assertEquals(PluginError.class, other.getClass());
    assertEquals("custom_code", other.code());
    assertEquals(1, other.details().get("k"));
  }

  @Test
  void executionErrorsCarryTheRemoteExceptionClassMessageAndStack() {
    ExecutionError original = new ExecutionError("Action 'greet' failed", Map.of("action", "greet"), new IllegalStateException("disk full"));
    ExecutionError back = assertInstanceOf(ExecutionError.class, roundTrip(original));
    RemoteActionException cause = assertInstanceOf(RemoteActionException.class, back.getCause());
    assertEquals(IllegalStateException.class.getName(), cause.remoteClassName());
    assertTrue(cause.getMessage().endsWith("disk full"));
    assertTrue(cause.remoteStackTrace().contains("RemoteFailuresTest"), cause.remoteStackTrace());
    assertEquals("greet", back.details().get("action"));
    assertEquals(ProcessHandle.current().pid(), back.details().get("worker_pid"));
    assertEquals(IllegalStateException.class.getName(), back.details().get("exception"));
  }

  @Test
  void unexpectedThrowablesBecomeExecutionErrorsKeepingTheirClass() {
    ExecutionError back = assertInstanceOf(ExecutionError.class, roundTrip(new StackOverflowError("deep")));
    assertEquals(StackOverflowError.class.getName(), ((RemoteActionException) back.getCause()).remoteClassName());
    assertTrue(back.getMessage().startsWith("The remote worker failed: java.lang.StackOverflowError"), back.getMessage());
  }

  @Test
  void everyTextOfAFailureIsRedacted() {
    String secret = "s3cr3t-value-x";
    Redactor redactor = Redactor.builder().environment(PluginEnvironment.of(Map.of("API_TOKEN", secret))).build();
    ExecutionError error = new ExecutionError("failed with " + secret, Map.of("token", secret, "note", "has " + secret),
        new IllegalStateException("cause " + secret));
    RemoteMessage.Failure failure = RemoteFailures.of("r", error, redactor);
    String line = RemoteProtocol.write(failure);
    assertFalse(line.contains(secret), line);
    assertTrue(failure.message().contains(Redactor.MASK) && failure.exceptionMessage().contains(Redactor.MASK), line);
  }

  @Test
  void aResultIsReadByTheDescriptor() {
    assertEquals("hello", RemoteFailures.outcome(new RemoteMessage.Result("r", "hello", 1), TestPluginRegistry.GreetDescriptor.INSTANCE));
  }
}
