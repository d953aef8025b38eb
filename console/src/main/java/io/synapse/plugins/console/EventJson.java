package io.synapse.plugins.console;

import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON-like forms the console sends: events, typed errors and violations, always redacted. */
final class EventJson {
  private EventJson() {}

  /** {@code event}, redacted, as {@code {type, level, category, name, message, data, progress, timestamp}}. */
  static Map<String, Object> event(PluginEvent event, Redactor redactor) {
    PluginEvent safe = redactor.redact(event);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", safe.type().name().toLowerCase(Locale.ROOT));
    map.put("level", safe.level().name().toLowerCase(Locale.ROOT));
    map.put("action", safe.action());
    map.put("category", safe.category());
    map.put("name", safe.name());
    map.put("message", safe.message());
    map.put("data", plain(safe.data()));
    if (safe.progress() != null) {
      Map<String, Object> progress = new LinkedHashMap<>();
      progress.put("current", safe.progress().current());
      progress.put("total", safe.progress().total());
      progress.put("percent", safe.progress().percent());
      map.put("progress", progress);
    }
    map.put("timestamp", safe.timestamp().toString());
    return map;
  }

  /**
   * A typed error as {@code {code, message, details}} (and {@code violations} for a
   * {@link ValidationError}), redacted; anything that is not a {@link PluginError} is
   * {@code internal_error} with its class name only.
   */
  static Map<String, Object> error(Throwable error, Redactor redactor) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (error instanceof PluginError plugin) {
      map.put("code", plugin.code());
      map.put("message", redactor.redact(firstLine(plugin.getMessage())));
      map.put("details", redactor.redactValue(plain(plugin.details())));
      if (plugin instanceof ValidationError validation) {
        map.put("violations", violations(validation.violations(), redactor));
      }
    } else {
      map.put("code", "internal_error");
      map.put("message", "the console failed to run the action: " + error.getClass().getName());
      map.put("details", Map.of());
    }
    return map;
  }

  /** Violations as {@code [{path, message, constraint}]}; their messages never quote values. */
  static List<Object> violations(List<Violation> violations, Redactor redactor) {
    List<Object> list = new ArrayList<>();
    for (Violation violation : violations) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("path", redactor.redact(violation.path()));
      map.put("message", redactor.redact(violation.message()));
      map.put("constraint", violation.constraint());
      list.add(map);
    }
    return list;
  }

  /** {@code value} with anything but maps, lists, strings, numbers and booleans turned into text. */
  static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
      return copy;
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(plain(item)));
      return copy;
    }
    if (value instanceof Violation violation) {
      return plain(violation.toMap());
    }
    return String.valueOf(value);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
