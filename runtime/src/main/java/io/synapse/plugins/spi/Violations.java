package io.synapse.plugins.spi;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations while binding; not thread-safe (one per bind). Only the first
 * {@value #MAX_LISTED} are kept, so that an input of a million wrong elements cannot fill the heap
 * with violations; {@link #count()} still counts them all.
 */
public final class Violations {
  /** At most this many violations are kept and listed; the rest are only counted. */
  public static final int MAX_LISTED = 1000;

  private final List<Violation> list = new ArrayList<>();
  private final Path pathBase;
  private int count;

  /** Violations of a bind that keeps relative {@code Path} values as given. */
  public Violations() {
    this(null);
  }

  /**
   * Violations of a bind that resolves relative {@code Path} values against {@code pathBase} (the run's
   * working directory); null keeps them as given.
   */
  public Violations(Path pathBase) {
    this.pathBase = pathBase;
  }

  /** The directory relative {@code Path} values are resolved against in this bind, or null. */
  public Path pathBase() {
    return pathBase;
  }

  /** Adds a violation at {@code path}, spelling the path out only when the violation is kept. */
  public void add(ValuePath path, String message, String constraint) {
    count++;
    if (list.size() < MAX_LISTED) {
      list.add(new Violation(path.toString(), message, constraint));
    }
  }

  /** Adds a violation at {@code path}. */
  public void add(String path, String message, String constraint) {
    count++;
    if (list.size() < MAX_LISTED) {
      list.add(new Violation(path, message, constraint));
    }
  }

  /** How many violations were added so far. */
  public int count() {
    return count;
  }

  /** Whether none were added. */
  public boolean isEmpty() {
    return count == 0;
  }

  /** The violations kept so far (at most {@value #MAX_LISTED}). */
  public List<Violation> list() {
    return List.copyOf(list);
  }

  /**
   * Throws a {@link ValidationError} about {@code subject} when any violation was added; when more
   * than {@value #MAX_LISTED} were, a last violation (constraint {@code TooManyViolations}) says how
   * many more there were.
   */
  public void throwIfAny(String subject) {
    if (count == 0) {
      return;
    }
    if (count > list.size()) {
      List<Violation> listed = new ArrayList<>(list);
      listed.add(new Violation("", "and " + (count - list.size()) + " more violations, not listed", "TooManyViolations"));
      throw new ValidationError(subject, listed);
    }
    throw new ValidationError(subject, list);
  }

  /** The path of component {@code name} inside {@code path}. */
  public static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The path of element {@code index} inside {@code path}. */
  public static String index(String path, int index) {
    if (index < 0 || index >= INDEX_SUFFIXES.length) {
      return path + "[" + index + "]";
    }
    // Binders build the path of every record element of a list: the suffixes of short lists are kept
    // (filled on first use; a race only builds an equal string twice).
    String suffix = INDEX_SUFFIXES[index];
    if (suffix == null) {
      suffix = "[" + index + "]";
      INDEX_SUFFIXES[index] = suffix;
    }
    return path.concat(suffix);
  }

  private static final String[] INDEX_SUFFIXES = new String[256];

  /** The path of map entry {@code key} inside {@code path}: dotted when the key is a plain name. */
  public static String key(String path, String key) {
    if (isPlain(key)) {
      return field(path, key);
    }
    return appendKey(new StringBuilder(path), key).toString();
  }

  // The steps ValuePath spells a path with, the same as field, index and key above.
  static StringBuilder appendField(StringBuilder path, String name) {
    return path.isEmpty() ? path.append(name) : path.append('.').append(name);
  }

  static StringBuilder appendIndex(StringBuilder path, int index) {
    return path.append('[').append(index).append(']');
  }

  static StringBuilder appendKey(StringBuilder path, String key) {
    if (isPlain(key)) {
      return appendField(path, key);
    }
    return path.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
  }

  private static boolean isPlain(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }
}
