package io.synapse.plugins.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of every error the framework raises: unchecked, with a stable machine-readable
 * {@link #code()} and structured {@link #details()}. Subtypes say what went wrong; the same type is
 * raised whichever backend ran the action.
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
    super(message, cause);
    this.code = code;
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details == null ? Map.of() : details));
  }

  /**
   * An error with a code, a message and details that records its stack trace only when
   * {@code writableStackTrace} is true (for errors about bad input, where the trace says nothing the
   * message does not and costs more than the rest of the work).
   */
  protected PluginError(String code, String message, Map<String, ?> details, boolean writableStackTrace) {
    super(message, null, true, writableStackTrace);
    this.code = code;
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details == null ? Map.of() : details));
  }

  /** A stable identifier of the kind of error, e.g. {@code validation_error}. */
  public String code() {
    return code;
  }

  /** Structured facts about the error (the available actions, the violations, the job id, ...). */
  public Map<String, Object> details() {
    return details;
  }
}
