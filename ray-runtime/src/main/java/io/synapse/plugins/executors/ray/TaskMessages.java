package io.synapse.plugins.executors.ray;

import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.EventType;
import io.synapse.plugins.context.JsonLinesSink;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.internal.Json;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON messages between the driver and {@link PluginActor}: actor methods take and return JSON
 * strings only, so nothing depends on Ray's serialisation of user objects.
 *
 * <pre>
 * request:  {"plugin": code, "action": name, "params": {...}, "env": {...}, "job_id": id|null}
 * success:  {"ok": true,  "result": value, "events": [event...], "pid": n}
 * failure:  {"ok": false, "error": {"code", "message", "details", "exception", "stack"}, "events": [...], "pid": n}
 * </pre>
 * Events use {@link JsonLinesSink}'s documented object format.
 */
final class TaskMessages {
  private TaskMessages() {}

  static String request(String plugin, String action, Map<String, Object> params, PluginEnvironment env, String jobId) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("plugin", plugin);
    request.put("action", action);
    request.put("params", params);
    request.put("env", env.asMap());
    request.put("job_id", jobId);
    return Json.write(request);
  }

  static String success(Object result, List<PluginEvent> events) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("ok", true);
    response.put("result", result);
    response.put("events", eventMaps(events));
    response.put("pid", ProcessHandle.current().pid());
    return Json.write(response);
  }

  static String failure(Throwable error, List<PluginEvent> events) {
    Map<String, Object> failure = new LinkedHashMap<>();
    if (error instanceof PluginError pluginError) {
      failure.put("code", pluginError.code());
      failure.put("message", pluginError.getMessage());
      failure.put("details", jsonSafe(pluginError.details()));
      Throwable cause = pluginError instanceof ExecutionError && pluginError.getCause() != null ? pluginError.getCause() : null;
      if (cause != null) {
        failure.put("exception", io.synapse.plugins.internal.RedactedException.classNameOf(cause));
        failure.put("exception_message", cause.getMessage());
        failure.put("stack", stackText(cause));
      }
    } else {
      failure.put("code", "execution_error");
      failure.put("message", "The Ray actor failed: " + error);
      failure.put("details", Map.of());
      failure.put("exception", io.synapse.plugins.internal.RedactedException.classNameOf(error));
      failure.put("exception_message", error.getMessage());
      failure.put("stack", stackText(error));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("ok", false);
    response.put("error", failure);
    response.put("events", eventMaps(events));
    response.put("pid", ProcessHandle.current().pid());
    return Json.write(response);
  }

  /**
   * Reads a response: replays its events into {@code sink}, then returns the typed result or raises
   * the same typed error a LOCAL run would.
   */
  static <R> R readResponse(ActionDescriptor<?, R> action, String responseJson, EventSink sink) {
    Map<?, ?> response = asMap(Json.parse(responseJson));
    Object events = response.get("events");
    if (events instanceof List<?> list) {
      for (Object event : list) {
        sink.accept(event(asMap(event)));
      }
    }
    if (Boolean.TRUE.equals(response.get("ok"))) {
      return action.readResult(response.get("result"));
    }
    throw error(action, asMap(response.get("error")), response.get("pid"));
  }

  private static PluginError error(ActionDescriptor<?, ?> action, Map<?, ?> error, Object pid) {
    String code = String.valueOf(error.get("code"));
    String message = String.valueOf(error.get("message"));
    Map<String, Object> details = new LinkedHashMap<>();
    if (error.get("details") instanceof Map<?, ?> remote) {
      remote.forEach((key, value) -> details.put(String.valueOf(key), value));
    }
    switch (code) {
      case "validation_error": {
        List<Violation> violations = new ArrayList<>();
        if (details.get("violations") instanceof List<?> list) {
          for (Object violation : list) {
            violations.add(Violation.fromMap(asMap(violation)));
          }
        }
        String subject = String.valueOf(details.getOrDefault("subject", "params of action '" + action.config().name() + "'"));
        if (violations.isEmpty()) {
          violations.add(new Violation("", message, "Unknown"));
        }
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
      case "execution_error": {
        details.put("worker_pid", pid);
        RemoteActionException cause = error.get("exception") == null
            ? null
            : new RemoteActionException(String.valueOf(error.get("exception")),
                error.get("exception_message") == null ? null : String.valueOf(error.get("exception_message")),
                String.valueOf(error.get("stack")));
        if (cause != null) {
          details.putIfAbsent("exception", cause.remoteClassName());
        }
        return new ExecutionError(message, details, cause);
      }
      default:
        return new PluginError(code, message, details);
    }
  }

  private static List<Object> eventMaps(List<PluginEvent> events) {
    List<Object> maps = new ArrayList<>(events.size());
    for (PluginEvent event : events) {
      maps.add(Json.parse(JsonLinesSink.toJsonLine(event)));
    }
    return maps;
  }

  /** Rebuilds an event from {@link JsonLinesSink}'s object format. */
  static PluginEvent event(Map<?, ?> map) {
    EventType type = EventType.valueOf(String.valueOf(map.get("type")).toUpperCase(Locale.ROOT));
    System.Logger.Level level = System.Logger.Level.valueOf(String.valueOf(map.get("level")));
    PluginEvent.Progress progress = null;
    if (map.get("progress") instanceof Map<?, ?> p) {
      progress = new PluginEvent.Progress(((Number) p.get("current")).longValue(), ((Number) p.get("total")).longValue());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (map.get("data") instanceof Map<?, ?> d) {
      d.forEach((key, value) -> data.put(String.valueOf(key), value));
    }
    return new PluginEvent(type, level, text(map.get("action")), text(map.get("category")), text(map.get("name")),
        text(map.get("message")), data, progress, Instant.parse(String.valueOf(map.get("timestamp"))), text(map.get("job_id")));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static Object jsonSafe(Object value) {
    return io.synapse.plugins.spi.Writers.ANY.write(value);
  }

  static Map<?, ?> asMap(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new ExecutionError("Malformed message from a Ray actor: expected a JSON object", Map.of(), null);
  }

  private static String stackText(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    String stack = text.toString();
    return stack.length() > 20_000 ? stack.substring(0, 20_000) + "\n\t... (truncated)" : stack;
  }
}
