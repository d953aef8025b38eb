package io.synapse.plugins.context;

import io.synapse.plugins.events.EventType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The logger of a run ({@link RuntimeContext#logger()}): each record becomes a {@link EventType#LOG}
 * event of the run, with its level and text, so it reaches the run's sink in every mode and is redacted
 * like every other event. Records at DEBUG and TRACE are named {@code debug}, the rest {@code message},
 * as the seeds' logger names them; a throwable goes into the data as {@code exception} and
 * {@code stack_trace}.
 */
final class ActionLogger implements System.Logger {
  /** Where records go: the context's event path. */
  @FunctionalInterface
  interface Emitter {
    void log(Level level, String name, String text, Map<String, Object> data);
  }

  private final String name;
  private final Emitter emitter;

  ActionLogger(String name, Emitter emitter) {
    this.name = name;
    this.emitter = emitter;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return level != Level.OFF;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    if (isLoggable(level)) {
      emit(level, localized(bundle, message), thrown);
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      String pattern = localized(bundle, format);
      emit(level, params == null || params.length == 0 || pattern == null ? pattern : MessageFormat.format(pattern, params), null);
    }
  }

  private void emit(Level level, String text, Throwable thrown) {
    Level effective = level == Level.ALL ? Level.TRACE : level;
    Map<String, Object> data = Map.of();
    if (thrown != null) {
      StringWriter stack = new StringWriter();
      thrown.printStackTrace(new PrintWriter(stack));
      data = new LinkedHashMap<>();
      data.put("exception", thrown.toString());
      data.put("stack_trace", stack.toString());
    }
    boolean debug = effective == Level.DEBUG || effective == Level.TRACE;
    emitter.log(effective, debug ? "debug" : "message", text == null ? "null" : text, data);
  }

  private static String localized(ResourceBundle bundle, String key) {
    if (bundle == null || key == null) {
      return key;
    }
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
