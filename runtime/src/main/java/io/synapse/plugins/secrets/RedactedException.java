package io.synapse.plugins.secrets;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A stand-in for an exception whose message quoted a secret: the same class name (in
 * {@link #toString()} and {@link #originalClassName()}), the message with the secrets hidden, the same
 * stack trace, and likewise redacted causes and suppressed exceptions. Executors attach it as an
 * error's cause instead of the original, so that printing the error's stack trace prints no secret.
 */
public final class RedactedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String originalClassName;

  private RedactedException(String originalClassName, String message) {
    super(message);
    this.originalClassName = originalClassName;
  }

  /** The class name {@code error} reports: the original one for a redacted copy. */
  public static String classNameOf(Throwable error) {
    return error instanceof RedactedException redacted ? redacted.originalClassName() : error.getClass().getName();
  }

  /** The class of the exception this stands for. */
  public String originalClassName() {
    return originalClassName;
  }

  /** {@code error} itself when it quotes no secret, else its redacted copy; null stays null. */
  public static Throwable withoutSecrets(Throwable error, UnaryOperator<String> redact) {
    return error != null && leaks(error, redact) ? copyOf(error, redact) : error;
  }

  /**
   * Whether any message or {@code toString()} in {@code error}'s chain (causes and suppressed, at any
   * depth) changes under {@code redact}, that is, quotes a secret.
   */
  public static boolean leaks(Throwable error, UnaryOperator<String> redact) {
    return leaks(error, redact, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** A redacted copy of {@code error}, its causes and its suppressed exceptions. */
  public static RedactedException copyOf(Throwable error, UnaryOperator<String> redact) {
    return copyOf(error, redact, new IdentityHashMap<>());
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClassName : originalClassName + ": " + message;
  }

  private static boolean leaks(Throwable error, UnaryOperator<String> redact, Set<Throwable> seen) {
    if (error == null || !seen.add(error)) {
      return false;
    }
    if (changes(error.getMessage(), redact) || changes(String.valueOf(error), redact) || leaks(error.getCause(), redact, seen)) {
      return true;
    }
    for (Throwable suppressed : error.getSuppressed()) {
      if (leaks(suppressed, redact, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean changes(String text, UnaryOperator<String> redact) {
    return text != null && !text.equals(redact.apply(text));
  }

  private static RedactedException copyOf(Throwable error, UnaryOperator<String> redact, IdentityHashMap<Throwable, RedactedException> copies) {
    RedactedException known = copies.get(error);
    if (known != null) {
      return known;
    }
    String className = error instanceof RedactedException redacted ? redacted.originalClassName() : error.getClass().getName();
    String message = error.getMessage() == null ? null : redact.apply(error.getMessage());
    RedactedException copy = new RedactedException(className, message);
    copies.put(error, copy);
    copy.setStackTrace(error.getStackTrace());
    if (error.getCause() != null && error.getCause() != error) {
      copy.initCause(copyOf(error.getCause(), redact, copies));
    }
    for (Throwable suppressed : error.getSuppressed()) {
      copy.addSuppressed(copyOf(suppressed, redact, copies));
    }
    return copy;
  }
}
