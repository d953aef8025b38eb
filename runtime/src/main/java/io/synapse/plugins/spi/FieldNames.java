package io.synapse.plugins.spi;

import io.synapse.plugins.names.Suggestions;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The wire names of a record's components, in declaration order, and the Java names binding takes as
 * well (the list a generated binder passes to {@link Readers#object}). An immutable list whose
 * {@code contains} is a hash lookup rather than a scan.
 *
 * <p>Keys are matched the way Spring Boot's relaxed binding does it and no further: a key is a
 * component's wire name or its Java name. Anything else is an {@code UnknownField} (with a
 * did-you-mean naming the wire name), and both spellings of one component in one input are a
 * {@code DuplicateField}.
 */
final class FieldNames extends AbstractList<String> implements RandomAccess {
  private final String[] names;
  private final Set<String> lookup;
  // Java name -> wire name, for the components whose two names differ.
  private final Map<String, String> aliases;

  FieldNames(String[] wireNames, String[] javaNames) {
    if (javaNames.length != wireNames.length) {
      throw new IllegalArgumentException(wireNames.length + " wire names but " + javaNames.length + " Java names");
    }
    this.names = wireNames.clone();
    this.lookup = Set.of(this.names);
    Map<String, String> byJavaName = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String javaName = javaNames[i];
      if (!javaName.equals(names[i])) {
        if (lookup.contains(javaName) || byJavaName.put(javaName, names[i]) != null) {
          throw new IllegalArgumentException("the key '" + javaName + "' names two components");
        }
      }
    }
    this.aliases = Map.copyOf(byJavaName);
  }

  @Override
  public String get(int index) {
    return names[index];
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean contains(Object candidate) {
    // Keys are often these very strings (literals, Jackson's interned names): identity first, for
    // the records of a few fields that most params are.
    if (names.length <= 16) {
      for (String name : names) {
        if (name == candidate) {
          return true;
        }
      }
    }
    return candidate != null && lookup.contains(candidate);
  }

  @Override
  public int indexOf(Object candidate) {
    return contains(candidate) ? super.indexOf(candidate) : -1;
  }

  /**
   * The slow path of {@link Readers#object}, for an input with a key that is not a wire name: reports
   * keys that are not strings, unknown keys and components given twice, and returns the input with
   * Java-name keys replaced by the wire names (the input itself when it has none).
   */
  static Map<?, ?> resolve(Map<?, ?> input, ValuePath path, List<String> fieldNames, Violations violations) {
    Map<String, String> aliases = fieldNames instanceof FieldNames known ? known.aliases : Map.of();
    boolean aliased = false;
    for (Object key : input.keySet()) {
      if (!(key instanceof String name)) {
        violations.add(path, "has a key that is not a string", "Type");
        continue;
      }
      if (fieldNames.contains(name)) {
        continue;
      }
      String wireName = aliases.get(name);
      if (wireName == null) {
        String message = Suggestions.closest(name, fieldNames)
            .map(s -> "is not a known field; did you mean '" + s + "'?")
            .orElse("is not a known field (known: " + String.join(", ", fieldNames) + ")");
        violations.add(path.key(name), message, "UnknownField");
      } else if (input.containsKey(wireName)) {
        violations.add(path.key(wireName), "is given twice, as '" + wireName + "' and as '" + name + "'",
            "DuplicateField");
      } else {
        aliased = true;
      }
    }
    if (!aliased) {
      return input;
    }
    Map<Object, Object> byWireName = new LinkedHashMap<>(Math.max(16, input.size() * 2));
    for (Map.Entry<?, ?> entry : input.entrySet()) {
      String wireName = entry.getKey() instanceof String name ? aliases.get(name) : null;
      byWireName.put(wireName != null && !input.containsKey(wireName) ? wireName : entry.getKey(), entry.getValue());
    }
    return byWireName;
  }
}
