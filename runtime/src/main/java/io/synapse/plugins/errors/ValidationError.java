package io.synapse.plugins.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The params (or another input) broke one or more rules. {@link #violations()} lists every violated
 * field, not only the first; {@code details().get("violations")} holds the same as maps. The action
 * never starts when this is raised for its params.
 *
 * <p>It carries no stack trace: it reports bad input, which its message names (the action and every
 * field), not a fault in code, and capturing the trace cost a third of a failed bind. Run with
 * {@code -Dsynapse.validation.stackTraces=true}, or call {@link #recordStackTraces}, to record them,
 * e.g. to find which call site bound.
 */
public final class ValidationError extends PluginError {
  private static final long serialVersionUID = 1L;
  private static volatile boolean stackTraces = Boolean.getBoolean("synapse.validation.stackTraces");

  private final String subject;
  private final List<Violation> violations;
  // Spelled out on first use: code that catches the error to count or map its violations (a form, a
  // retry with defaults) never pays for the text. Rebuilt after deserialisation.
  private transient volatile String message;
  private transient volatile Map<String, Object> details;

  /**
   * An error for {@code subject} (e.g. {@code params of action 'process'}) with its violations.
   *
   * @throws IllegalArgumentException when {@code violations} is empty
   */
  public ValidationError(String subject, List<Violation> violations) {
    super("validation_error", null, Map.of(), stackTraces);
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationError needs at least one violation");
    }
    this.subject = subject;
    this.violations = List.copyOf(violations);
  }

  /** {@code Invalid <subject> (<n> violations):} and one line per violation. */
  @Override
  public String getMessage() {
    String text = message;
    if (text == null) {
      text = message(subject, violations);
      message = text;
    }
    return text;
  }

  /** {@code subject} and {@code violations} (each as {@link Violation#toMap()}). */
  @Override
  public Map<String, Object> details() {
    Map<String, Object> map = details;
    if (map == null) {
      map = details(subject, violations);
      details = map;
    }
    return map;
  }

  /**
   * Whether validation errors created from now on record their stack trace (default: false, or the
   * system property {@code synapse.validation.stackTraces}). The command line's {@code --debug} turns
   * it on.
   */
  public static void recordStackTraces(boolean record) {
    stackTraces = record;
  }

  /** What was validated, e.g. {@code params of action 'process'}. */
  public String subject() {
    return subject;
  }

  /** Every violation, in input order. */
  public List<Violation> violations() {
    return violations;
  }

  /** The same violations about another subject (e.g. naming the action once it is known). */
  public ValidationError withSubject(String newSubject) {
    return new ValidationError(newSubject, violations);
  }

  private static String message(String subject, List<Violation> violations) {
    String list = violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
    return "Invalid " + subject + " (" + violations.size() + (violations.size() == 1 ? " violation" : " violations") + "):\n" + list;
  }

  private static Map<String, Object> details(String subject, List<Violation> violations) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subject", subject);
    details.put("violations", violations.stream().map(Violation::toMap).collect(Collectors.toUnmodifiableList()));
    return Collections.unmodifiableMap(details);
  }
}
