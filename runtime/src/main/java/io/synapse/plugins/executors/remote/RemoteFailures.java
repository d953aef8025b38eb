package io.synapse.plugins.executors.remote;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.secrets.RedactedException;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.Writers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping between failures and the remote protocol, both ways: on the worker, what was thrown
 * becomes a {@link RemoteMessage.Failure} with every secret hidden; on the driver, a failure becomes the
 * same typed {@link PluginError} a LOCAL run raises ({@link ValidationError} with every violation,
 * {@link ActionNotFoundError}, {@link PluginNotFoundError}, {@link ConfigError}, {@link StepError},
 * {@link ExecutionError} whose cause is a {@link RemoteActionException}).
 */
public final class RemoteFailures {
  private static final int MAX_STACK = 20_000;

  private RemoteFailures() {}

  /**
   * The failure message for {@code thrown}, every text passed through {@code redactor}: a
   * {@link PluginError} keeps its code, message and details; anything else is an {@code execution_error}.
   * The cause of an {@link ExecutionError} or {@link StepError} (or the throwable itself when it is no
   * {@code PluginError}) travels as its class name, message and stack text.
   */
  public static RemoteMessage.Failure of(String id, Throwable thrown, Redactor redactor) {
    String code;
    String message;
    Map<String, Object> details;
    Throwable cause;
    if (thrown instanceof PluginError error) {
      code = error.code();
      message = redactor.redact(error.getMessage());
      details = jsonDetails(redactor.redactValue(Writers.ANY.write(error.details())));
      cause = error instanceof ExecutionError || error instanceof StepError || error instanceof CancelledError ? error.getCause() : null;
    } else {
      code = "execution_error";
      message = redactor.redact("The remote worker failed: " + thrown);
      details = Map.of();
      cause = thrown;
    }
    String exception = cause == null ? null : RedactedException.classNameOf(cause);
    String exceptionMessage = cause == null ? null : redactor.redact(cause.getMessage());
    String stack = cause == null ? null : redactor.redact(stackText(cause));
    return new RemoteMessage.Failure(id, code, message, details, exception, exceptionMessage, stack, ProcessHandle.current().pid());
  }

  /**
   * The result of {@code outcome} read by {@code action}'s descriptor, or the typed error of a failure.
   *
   * @throws PluginError the error the failure stands for
   */
  public static <R> R outcome(RemoteMessage.Outcome outcome, ActionDescriptor<?, R> action) {
    if (outcome instanceof RemoteMessage.Result result) {
      return action.readResult(result.value());
    }
    throw toError((RemoteMessage.Failure) outcome, action);
  }

  /**
   * The typed error {@code failure} stands for: the same type a LOCAL run of the action raises. Execution
   * errors get the worker's pid in {@code details.worker_pid}.
   */
  public static PluginError toError(RemoteMessage.Failure failure, ActionDescriptor<?, ?> action) {
    String message = failure.message() == null ? "(no message)" : failure.message();
    Map<String, Object> details = new LinkedHashMap<>(failure.details());
    RemoteActionException cause = failure.exception() == null
        ? null : new RemoteActionException(failure.exception(), failure.exceptionMessage(), failure.stack());
    switch (failure.code()) {
      case "validation_error": {
        List<Violation> violations = new ArrayList<>();
        if (details.get("violations") instanceof List<?> list) {
          for (Object violation : list) {
            if (violation instanceof Map<?, ?> map) {
              violations.add(Violation.fromMap(map));
            }
          }
        }
        if (violations.isEmpty()) {
          violations.add(new Violation("", message, "Unknown"));
        }
        String subject = String.valueOf(details.getOrDefault("subject",
            action == null ? "params" : "params of action '" + action.config().name() + "'"));
        return new ValidationError(subject, violations);
      }
      case "action_not_found": {
        List<String> available = new ArrayList<>();
        if (details.get("available") instanceof List<?> list) {
          list.forEach(name -> available.add(String.valueOf(name)));
        }
        return new ActionNotFoundError(String.valueOf(details.get("plugin")), String.valueOf(details.get("action")), available);
      }
      case "plugin_not_found":
        return new PluginNotFoundError(message, details);
      case "config_error":
        return new ConfigError(message, details);
      case "step_failed":
        return new StepError(String.valueOf(details.get("step")), message, details, cause);
      case CancelledError.CODE:
        return new CancelledError(message, details, cause);
      case "execution_error":
        details.put("worker_pid", failure.pid());
        if (cause != null) {
          details.putIfAbsent("exception", cause.remoteClassName());
        }
        return new ExecutionError(message, details, cause);
      default:
        return new PluginError(failure.code(), message, details, cause);
    }
  }

  private static Map<String, Object> jsonDetails(Object written) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (written instanceof Map<?, ?> map) {
      map.forEach((key, value) -> details.put(String.valueOf(key), value));
    }
    return details;
  }

  private static String stackText(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    String stack = text.toString();
    return stack.length() > MAX_STACK ? stack.substring(0, MAX_STACK) + "\n\t... (truncated)" : stack;
  }
}
