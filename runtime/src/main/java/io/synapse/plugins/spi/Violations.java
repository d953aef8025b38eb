package io.synapse.plugins.spi;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.util.ArrayList;
import java.util.List;

/** Collects violations while binding; not thread-safe (one per bind). */
public final class Violations {
  private final List<Violation> list = new ArrayList<>();

  /** Adds a violation at {@code path}. */
  public void add(String path, String message, String constraint) {
    list.add(new Violation(path, message, constraint));
  }

  /** How many violations were added so far. */
  public int count() {
    return list.size();
  }

  /** Whether none were added. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The violations added so far. */
  public List<Violation> list() {
    return List.copyOf(list);
  }

  /** Throws a {@link ValidationError} about {@code subject} when any violation was added. */
  public void throwIfAny(String subject) {
    if (!list.isEmpty()) {
      throw new ValidationError(subject, list);
    }
  }

  /** The path of component {@code name} inside {@code path}. */
  public static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The path of element {@code index} inside {@code path}. */
  public static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The path of map entry {@code key} inside {@code path}: dotted when the key is a plain name. */
  public static String key(String path, String key) {
    boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    if (plain) {
      return field(path, key);
    }
    return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }
}
