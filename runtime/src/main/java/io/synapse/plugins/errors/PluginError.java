package io.synapse.plugins.errors;

import io.synapse.plugins.secrets.SecretRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every error the framework raises: unchecked, with a stable machine-readable
 * {@link #code()} and structured {@link #details()}. Subtypes say what went wrong; the same type is
 * raised whichever backend ran the action.
 *
 * <p>Credentials that need no known value ({@link SecretRule#maskCredentials}: URL user information,
 * secret-named URL query parameters, {@code Authorization} and {@code Bearer} credentials) are masked in
 * the message and in the text of the details when the error is made, so that no error carries them.
 */
public class PluginError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final Map<String, Object> details;

  /** An error with a code, a message and details (copied; insertion order kept). */
  public PluginError(String code, String message, Map<String, ?> details) {
    this(code, message, details, null);
  }

  /** An error with a code, a message, details and a cause. */
  public PluginError(String code, String message, Map<String, ?> details, Throwable cause) {
    super(SecretRule.maskCredentials(message), cause);
    this.code = code;
    this.details = maskedCopy(details);
  }

  /**
   * An error with a code, a message and details that records its stack trace only when
   * {@code writableStackTrace} is true (for errors about bad input, where the trace says nothing the
   * message does not and costs more than the rest of the work).
   */
  protected PluginError(String code, String message, Map<String, ?> details, boolean writableStackTrace) {
    super(SecretRule.maskCredentials(message), null, true, writableStackTrace);
    this.code = code;
    this.details = maskedCopy(details);
  }

  /** A stable identifier of the kind of error, e.g. {@code validation_error}. */
  public String code() {
    return code;
  }

  /** Structured facts about the error (the available actions, the violations, the job id, ...). */
  public Map<String, Object> details() {
    return details;
  }

  private static Map<String, Object> maskedCopy(Map<String, ?> details) {
    if (details == null || details.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    details.forEach((key, value) -> copy.put(key, masked(value, 0)));
    return Collections.unmodifiableMap(copy);
  }

  // Strings, and strings inside the lists and maps that details hold, a few levels deep; a value with
  // nothing to mask is kept as it is (the same instance, of the same type).
  private static Object masked(Object value, int depth) {
    if (value instanceof String text) {
      return SecretRule.maskCredentials(text);
    }
    if (depth > 8) {
      return value;
    }
    if (value instanceof List<?> items) {
      List<Object> copy = new ArrayList<>(items.size());
      boolean changed = false;
      for (Object item : items) {
        Object shown = masked(item, depth + 1);
        changed |= shown != item;
        copy.add(shown);
      }
      return changed ? Collections.unmodifiableList(copy) : value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object shown = masked(entry.getValue(), depth + 1);
        changed |= shown != entry.getValue();
        copy.put(entry.getKey(), shown);
      }
      return changed ? Collections.unmodifiableMap(copy) : value;
    }
    return value;
  }
}
