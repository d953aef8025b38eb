package io.synapse.plugins.spi;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the JSON-like value model: maps with string keys, lists, strings, numbers, booleans, null. */
public final class JsonValues {
  private JsonValues() {}

  /** The JSON kind of a value, for messages: {@code a string}, {@code a number}, {@code an object}, ... */
  public static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof Collection) {
      return "an array";
    }
    return "a " + value.getClass().getSimpleName();
  }

  /**
   * An unmodifiable deep copy of a JSON-like value; anything that is not JSON-like is a {@code Type}
   * violation.
   */
  static Object immutableCopy(Object value, ValuePath path, Violations violations) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          violations.add(path, "has a key that is not a string", "Type");
          return null;
        }
        copy.put(key, immutableCopy(entry.getValue(), path.key(key), violations));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      int index = 0;
      for (Object item : collection) {
        copy.add(immutableCopy(item, path.index(index++), violations));
      }
      return Collections.unmodifiableList(copy);
    }
    violations.add(path, "must be a JSON value, not " + kind(value), "Type");
    return null;
  }

  // Maps and collections are told by their abstract base classes first (what the JDK's and Jackson's
  // maps and lists extend): on JDK 17 an instanceof against an interface scans the class's interfaces
  // whenever its one-entry cache holds another one, and the readers and checks of a bind ask the same
  // class about Map, Collection, List and CharSequence in turn.
  static Map<?, ?> asMap(Object value) {
    if (value instanceof AbstractMap<?, ?> map) {
      return map;
    }
    return value instanceof Map<?, ?> map ? map : null;
  }

  static Collection<?> asCollection(Object value) {
    if (value instanceof AbstractCollection<?> collection) {
      return collection;
    }
    return value instanceof Collection<?> collection ? collection : null;
  }
}
