package io.synapse.plugins.spi;

import static io.synapse.plugins.spi.Readers.MAX_DEPTH;
import static io.synapse.plugins.spi.Readers.MAX_STRING_LENGTH;
import static io.synapse.plugins.spi.Readers.MAX_VALUES;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;

/**
 * The input-limit walker {@link RecordBinder#bind(Object)} runs before a binder reads anything: the
 * depth, value-count and string-length limits documented on {@link Readers}, checked without
 * recursion deeper than a short first pass, so that no input can overflow the stack.
 */
final class InputLimits {
  private InputLimits() {}

  /**
   * Checks {@code input} against the limits documented on {@link Readers}, adding one violation and returning
   * false when it crosses one. No depth of input can overflow the stack.
   */
  static boolean withinLimits(Object input, Violations violations) {
    // Params are shallow: a short recursive walk proves most inputs within the limits. Anything deeper
    // than it goes, or over a limit, is walked again by the iterative check, which names the path.
    return quickCount(input, 0, 1) >= 0 || checkLimits(input, violations);
  }

  // 128 frames of quickCount take a few kilobytes of stack, less than the binder's own recursion into
  // an input of that depth; a deeper limit keeps the depth curve's 64 levels from being walked twice
  // (32 quick levels, then the iterative check with a node per container).
  private static final int QUICK_DEPTH = 128;

  // The number of values counted so far plus those in value, or -1 when value is deeper than
  // QUICK_DEPTH, holds too many values or too long a string.
  private static long quickCount(Object value, int depth, long counted) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return counted;
    }
    if (value instanceof String string) {
      return string.length() > MAX_STRING_LENGTH ? -1 : counted;
    }
    if (depth >= QUICK_DEPTH) {
      return -1;
    }
    long values = counted;
    Map<?, ?> map = JsonValues.asMap(value);
    if (map != null) {
      values += map.size();
      if (values > MAX_VALUES) {
        return -1;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key) || key.length() > MAX_STRING_LENGTH) {
          return -1;
        }
        values = quickCount(entry.getValue(), depth + 1, values);
        if (values < 0) {
          return -1;
        }
      }
      return values;
    }
    Collection<?> collection = JsonValues.asCollection(value);
    if (collection != null) {
      values += collection.size();
      if (values > MAX_VALUES) {
        return -1;
      }
      for (Object item : collection) {
        values = quickCount(item, depth + 1, values);
        if (values < 0) {
          return -1;
        }
      }
      return values;
    }
    // Other collections, keys that are not strings, other char sequences: the full check decides.
    return -1;
  }

  // The exact check, only for inputs the quick pass did not prove within the limits: it names the
  // path where a limit is crossed.
  private static boolean checkLimits(Object input, Violations violations) {
    if (!isContainer(input)) {
      return checkLength(input, null, null, violations);
    }
    // Only containers are queued (scalars are checked where they are met), so a typical params map
    // costs one node per nested object or list.
    ArrayDeque<Node> pending = new ArrayDeque<>();
    pending.push(new Node(input, null, null, 0));
    long values = 1;
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      Object value = node.value();
      int size = value instanceof Map<?, ?> map ? map.size() : ((Collection<?>) value).size();
      if (node.depth() >= MAX_DEPTH) {
        violations.add(node.path(), "is nested more than " + MAX_DEPTH + " levels deep", "MaxDepth");
        return false;
      }
      values += size;
      if (values > MAX_VALUES) {
        violations.add(node.path(), "makes the input hold more than " + MAX_VALUES + " values", "MaxValues");
        return false;
      }
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (entry.getKey() instanceof CharSequence key && key.length() > MAX_STRING_LENGTH) {
            violations.add(node.path(), "has a key longer than " + MAX_STRING_LENGTH + " characters", "MaxLength");
            return false;
          }
          if (!visit(entry.getValue(), node, entry.getKey(), pending, violations)) {
            return false;
          }
        }
      } else {
        int index = 0;
        for (Object item : (Collection<?>) value) {
          if (!visit(item, node, index++, pending, violations)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean visit(Object child, Node parent, Object segment, ArrayDeque<Node> pending, Violations violations) {
    if (isContainer(child)) {
      pending.push(new Node(child, parent, segment, parent.depth() + 1));
      return true;
    }
    return checkLength(child, parent, segment, violations);
  }

  private static boolean isContainer(Object value) {
    return value instanceof Map || value instanceof Collection;
  }

  private static boolean checkLength(Object value, Node parent, Object segment, Violations violations) {
    if (value instanceof CharSequence text && text.length() > MAX_STRING_LENGTH) {
      String path = parent == null ? "" : new Node(value, parent, segment, parent.depth() + 1).path();
      violations.add(path, "is longer than " + MAX_STRING_LENGTH + " characters", "MaxLength");
      return false;
    }
    return true;
  }

  /** A value met while checking the limits; its path is spelled out only when it is reported. */
  private record Node(Object value, Node parent, Object segment, int depth) {
    String path() {
      ArrayDeque<Object> segments = new ArrayDeque<>();
      for (Node node = this; node.parent() != null; node = node.parent()) {
        segments.push(node.segment());
      }
      ValuePath path = ValuePath.ROOT;
      for (Object segment : segments) {
        path = segment instanceof Integer index ? path.index(index) : path.key(String.valueOf(segment));
      }
      return path.toString();
    }
  }
}
