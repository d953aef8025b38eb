package io.synapse.plugins.executors.remote;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.json.Json;
import io.synapse.plugins.spi.Writers;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one codec of the remote protocol: every {@link RemoteMessage} as one line of JSON, and back. A TASK
 * actor's reply is a transcript (its messages, one per line); a JOB entrypoint prints the same lines to its
 * log.
 *
 * <pre>
 * {"protocol":"synapse-remote","version":1,"type":"request","id":"...","plugin":"...","action":"...",
 *  "params":{...},"env":{...},"job_id":null,"working_dir":null,"language":null,"marker":null[,"result_key":"hex"],
 *  "run_context":{"traceparent":"00-..."}}                                 (run_context only when not empty)
 * {"protocol":"synapse-remote","version":1,"type":"event","id":"...","event":{JsonLinesSink's object}}
 * {"protocol":"synapse-remote","version":1,"type":"poll","id":"...","wait_ms":n}
 * {"protocol":"synapse-remote","version":1,"type":"cancel","id":"...","reason":"..."}
 * {"protocol":"synapse-remote","version":1,"type":"result","id":"...","result":value,"pid":n}
 * {"protocol":"synapse-remote","version":1,"type":"failure","id":"...","error":{"code","message","details",
 *  "exception","exception_message","stack"},"pid":n}
 * (a JOB's outcome ends with its seal, ,"mac":"hex", see {@link ResultSeal})
 * </pre>
 *
 * <p>A reader refuses another protocol version with {@value #PROTOCOL_ERROR} (driver and workers must run
 * the same {@code synapse-plugins} version) and ignores fields it does not know, so that later versions of
 * version 1 can add optional fields (a result's MAC) and new message types stay new types.
 */
public final class RemoteProtocol {
  /** The protocol's name, in every message. */
  public static final String NAME = "synapse-remote";
  /** The version this runtime speaks. */
  public static final int VERSION = 1;
  /** Error code: a message that is not this protocol's, or of another version. */
  public static final String PROTOCOL_ERROR = "remote_protocol_error";

  /** At most this many run context entries are read from a request. */
  static final int MAX_CONTEXT_ENTRIES = 16;
  /** The longest run context key read. */
  static final int MAX_CONTEXT_KEY = 64;
  /** The longest run context value read (a W3C tracestate may be 512 characters). */
  static final int MAX_CONTEXT_VALUE = 1024;

  private static final String PREFIX = "{\"protocol\":\"" + NAME + "\",\"version\":" + VERSION + ",\"type\":\"";

  private RemoteProtocol() {}

  /** Whether {@code line} starts like a message of this protocol (a cheap test for scanning logs). */
  public static boolean looksLikeMessage(String line) {
    return line.startsWith("{\"protocol\":\"" + NAME + "\"");
  }

  /**
   * One line of JSON for {@code message}.
   *
   * @throws PluginError {@value #PROTOCOL_ERROR} when the params or a result are not JSON-like
   */
  public static String write(RemoteMessage message) {
    if (message instanceof RemoteMessage.Event event) {
      // Events are the most frequent message: the event's own line is embedded as it is.
      return PREFIX + "event\",\"id\":" + Json.write(event.id()) + ",\"event\":" + JsonLinesSink.toJsonLine(event.event()) + "}";
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("protocol", NAME);
    json.put("version", VERSION);
    if (message instanceof RemoteMessage.Request request) {
      json.put("type", "request");
      json.put("id", request.id());
      json.put("plugin", request.plugin());
      json.put("action", request.action());
      json.put("params", request.params());
      json.put("env", request.env());
      json.put("job_id", request.jobId());
      json.put("working_dir", request.workingDir());
      json.put("language", request.language());
      json.put("marker", request.marker());
      if (request.resultKey() != null) {
        json.put("result_key", request.resultKey());
      }
      if (!request.runContext().isEmpty()) {
        json.put("run_context", request.runContext());
      }
    } else if (message instanceof RemoteMessage.Poll poll) {
      json.put("type", "poll");
      json.put("id", poll.id());
      json.put("wait_ms", poll.waitMillis());
    } else if (message instanceof RemoteMessage.Cancel cancel) {
      json.put("type", "cancel");
      json.put("id", cancel.id());
      json.put("reason", cancel.reason());
    } else if (message instanceof RemoteMessage.Result result) {
      json.put("type", "result");
      json.put("id", result.id());
      json.put("result", result.value());
      json.put("pid", result.pid());
    } else if (message instanceof RemoteMessage.Failure failure) {
      json.put("type", "failure");
      json.put("id", failure.id());
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", failure.code());
      error.put("message", failure.message());
      error.put("details", Writers.ANY.write(failure.details()));
      error.put("exception", failure.exception());
      error.put("exception_message", failure.exceptionMessage());
      error.put("stack", failure.stack());
      json.put("error", error);
      json.put("pid", failure.pid());
    }
    try {
      return Json.write(json);
    } catch (IllegalArgumentException e) {
      throw new PluginError(PROTOCOL_ERROR, "Cannot write a " + json.get("type") + " message as JSON: " + e.getMessage(),
          Map.of("type", String.valueOf(json.get("type"))), e);
    }
  }

  /**
   * Reads one message.
   *
   * @throws PluginError {@value #PROTOCOL_ERROR} when {@code line} is not a message of this protocol and version
   */
  public static RemoteMessage read(String line) {
    Object parsed;
    try {
      parsed = Json.parse(line);
    } catch (IllegalArgumentException e) {
      throw malformed("it is not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> json) || !NAME.equals(json.get("protocol"))) {
      throw malformed("it is not a " + NAME + " message", null);
    }
    if (!(json.get("version") instanceof Number version) || version.intValue() != VERSION) {
      throw new PluginError(PROTOCOL_ERROR, "A remote message speaks " + NAME + " version " + json.get("version")
          + ", but this runtime speaks version " + VERSION + ": run the same synapse-plugins version on the driver and the cluster",
          Map.of("version", String.valueOf(json.get("version")), "expected", VERSION));
    }
    String id = requiredText(json, "id");
    Object type = json.get("type");
    try {
      return switch (String.valueOf(type)) {
        case "request" -> new RemoteMessage.Request(id, requiredText(json, "plugin"), requiredText(json, "action"), stringKeyed(json.get("params")),
            strings(json.get("env")), text(json.get("job_id")), text(json.get("working_dir")), text(json.get("language")),
            text(json.get("marker")), text(json.get("result_key")), runContext(json.get("run_context")));
        case "event" -> new RemoteMessage.Event(id, event(map(json.get("event"), "event")));
        case "poll" -> new RemoteMessage.Poll(id, json.get("wait_ms") instanceof Number wait ? wait.longValue() : 0);
        case "cancel" -> new RemoteMessage.Cancel(id, text(json.get("reason")));
        case "result" -> new RemoteMessage.Result(id, json.get("result"), pid(json));
        case "failure" -> failure(id, map(json.get("error"), "error"), pid(json));
        default -> throw malformed("its type '" + type + "' is unknown", null);
      };
    } catch (RuntimeException e) {
      if (e instanceof PluginError error && PROTOCOL_ERROR.equals(error.code())) {
        throw error;
      }
      throw malformed("its " + type + " is malformed: " + e, e);
    }
  }

  /** The messages as a transcript: one line each. */
  public static String transcript(List<? extends RemoteMessage> messages) {
    StringBuilder text = new StringBuilder();
    for (RemoteMessage message : messages) {
      text.append(write(message)).append('\n');
    }
    return text.toString();
  }

  /**
   * Reads a transcript.
   *
   * @throws PluginError {@value #PROTOCOL_ERROR} for a line that is not a message
   */
  public static List<RemoteMessage> readTranscript(String transcript) {
    List<RemoteMessage> messages = new ArrayList<>();
    for (String line : (Iterable<String>) transcript.lines()::iterator) {
      if (!line.isBlank()) {
        messages.add(read(line));
      }
    }
    return messages;
  }

  private static RemoteMessage.Failure failure(String id, Map<?, ?> error, long pid) {
    return new RemoteMessage.Failure(id, requiredText(error, "code"), text(error.get("message")), stringKeyed(error.get("details")),
        text(error.get("exception")), text(error.get("exception_message")), text(error.get("stack")), pid);
  }

  /** Rebuilds an event from {@link JsonLinesSink}'s object format. */
  static PluginEvent event(Map<?, ?> map) {
    EventType type = EventType.valueOf(String.valueOf(map.get("type")).toUpperCase(Locale.ROOT));
    System.Logger.Level level = System.Logger.Level.valueOf(String.valueOf(map.get("level")));
    PluginEvent.Progress progress = null;
    if (map.get("progress") instanceof Map<?, ?> p) {
      progress = new PluginEvent.Progress(((Number) p.get("current")).longValue(), ((Number) p.get("total")).longValue());
    }
    Instant timestamp;
    try {
      timestamp = Instant.parse(String.valueOf(map.get("timestamp")));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad event timestamp", e);
    }
    return new PluginEvent(type, level, text(map.get("action")), text(map.get("category")), text(map.get("name")),
        text(map.get("message")), stringKeyed(map.get("data")), progress, timestamp, text(map.get("job_id")), text(map.get("plugin")));
  }

  private static long pid(Map<?, ?> json) {
    return json.get("pid") instanceof Number number ? number.longValue() : -1;
  }

  private static Map<?, ?> map(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException(what + " is not an object");
  }

  private static Map<String, Object> stringKeyed(Object value) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> copy.put(String.valueOf(key), item));
    }
    return copy;
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> copy = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> copy.put(String.valueOf(key), String.valueOf(item)));
    }
    return copy;
  }

  /**
   * A request's run context: only what an observer could have written (at most {@value #MAX_CONTEXT_ENTRIES} entries of
   * text keys up to {@value #MAX_CONTEXT_KEY} and text values up to {@value #MAX_CONTEXT_VALUE} characters); anything
   * else is dropped, since a bad trace header must not fail a run.
   */
  private static Map<String, String> runContext(Object value) {
    Map<String, String> context = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (context.size() < MAX_CONTEXT_ENTRIES && entry.getKey() instanceof String key && entry.getValue() instanceof String text
            && !key.isEmpty() && key.length() <= MAX_CONTEXT_KEY && text.length() <= MAX_CONTEXT_VALUE) {
          context.put(key, text);
        }
      }
    }
    return context;
  }

  private static String requiredText(Map<?, ?> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      throw malformed("it has no '" + key + "'", null);
    }
    return String.valueOf(value);
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static PluginError malformed(String why, Throwable cause) {
    return new PluginError(PROTOCOL_ERROR, "Malformed message of the remote protocol: " + why, Map.of(), cause);
  }
}
