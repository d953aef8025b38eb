package io.synapse.plugins.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The readers generated binders are built from. Each accepts the JSON form of its type plus the
 * documented lax coercions, and reports anything else as a {@code Type} violation:
 *
 * <ul>
 *   <li>integers ({@code int}, {@code long}, {@code short}, {@code byte}, {@code BigInteger}): integral
 *       numbers in range, decimals with no fraction ({@code 3.0}), and strings holding such a number
 *       ({@code "10"}); more than {@value #MAX_INTEGER_DIGITS} digits is out of range even for
 *       {@code BigInteger} ({@code 1e999999999} is refused at once, not computed);
 *   <li>decimals ({@code double}, {@code float}, {@code BigDecimal}): any number, and numeric strings;
 *       {@code NaN} and infinities are refused;
 *   <li>{@code boolean}: booleans, the strings true/false/yes/no/on/off/1/0 in any case, and the
 *       numbers 0 and 1;
 *   <li>{@code String}: strings only (a number is not silently turned into text);
 *   <li>enums: the constant's wire value (lower snake_case of its name unless chosen otherwise), or its
 *       name in any case;
 *   <li>{@code Path}, {@code URI}, {@code Duration} (ISO-8601, {@code PT30S}), {@code Instant}
 *       (ISO-8601), {@code LocalDate} ({@code 2024-01-31}): strings in those formats;
 *   <li>lists and sets: JSON arrays (sets drop duplicates, keeping order); maps: JSON objects with
 *       string keys; null elements and values are refused;
 *   <li>{@code Optional}: empty when absent or null.
 * </ul>
 *
 * <p>Readers never quote the offending value in messages (it might be a secret); they name its JSON
 * kind instead.
 *
 * <p><b>Limits.</b> Before a binder reads anything, {@link RecordBinder#bind(Object)} walks the whole
 * input once, without recursion, and refuses it with a {@code ValidationError} (one violation, at the
 * path where the limit was crossed) when it
 *
 * <ul>
 *   <li>nests objects and arrays more than {@value #MAX_DEPTH} levels deep (constraint {@code MaxDepth});
 *   <li>holds more than {@value #MAX_VALUES} values in all, counting every object, array, element and
 *       scalar (constraint {@code MaxValues}); a map or list that contains itself ends here too;
 *   <li>holds a string or a key longer than {@value #MAX_STRING_LENGTH} characters (constraint
 *       {@code MaxLength}).
 * </ul>
 *
 * <p>So no input can overflow the stack, and binding takes time and memory in proportion to an input
 * that is itself bounded. A {@code ValidationError} lists at most {@value Violations#MAX_LISTED}
 * violations (and says how many more there were). The limits match Jackson's default read constraints
 * (1000 levels, 20 million characters), so JSON text that parses also passes them.
 */
public final class Readers {
  /** Objects and arrays nested deeper than this are refused before binding. */
  public static final int MAX_DEPTH = 1000;
  /** Inputs holding more values than this, in all, are refused before binding. */
  public static final int MAX_VALUES = 1_000_000;
  /** Strings and keys longer than this many characters are refused before binding. */
  public static final int MAX_STRING_LENGTH = 20_000_000;
  /** Integers (of any type, {@code BigInteger} too) with more digits than this are out of range, as in JSON text. */
  public static final int MAX_INTEGER_DIGITS = 1000;

  private Readers() {}

  /** Strings. */
  public static final ValueReader<String> STRING = ScalarReaders.STRING;

  /** Booleans, with the lax strings and 0/1. */
  public static final ValueReader<Boolean> BOOLEAN = ScalarReaders.BOOLEAN;

  /** 32-bit integers. */
  public static final ValueReader<Integer> INT = ScalarReaders.INT;

  /** 64-bit integers. */
  public static final ValueReader<Long> LONG = ScalarReaders.LONG;

  /** 16-bit integers. */
  public static final ValueReader<Short> SHORT = ScalarReaders.SHORT;

  /** 8-bit integers. */
  public static final ValueReader<Byte> BYTE = ScalarReaders.BYTE;

  /** Integers of any size. */
  public static final ValueReader<BigInteger> BIG_INTEGER = ScalarReaders.BIG_INTEGER;

  /** Finite doubles; a value beyond double's range (such as {@code 1e309}) is a violation. */
  public static final ValueReader<Double> DOUBLE = ScalarReaders.DOUBLE;

  /** Finite floats; a value beyond float's range is a violation. */
  public static final ValueReader<Float> FLOAT = ScalarReaders.FLOAT;

  /** Exact decimals. */
  public static final ValueReader<BigDecimal> BIG_DECIMAL = ScalarReaders.BIG_DECIMAL;

  /**
   * File system paths, from strings. A relative path is resolved against the bind's
   * {@linkplain Violations#pathBase() path base} (the run's working directory) when it has one.
   */
  public static final ValueReader<Path> PATH = ScalarReaders.PATH;

  /** URIs, from strings. */
  public static final ValueReader<URI> URI = ScalarReaders.URI;

  /** ISO-8601 durations such as {@code PT30S}. */
  public static final ValueReader<Duration> DURATION = ScalarReaders.DURATION;

  /** ISO-8601 instants such as {@code 2024-01-31T10:15:30Z}. */
  public static final ValueReader<Instant> INSTANT = ScalarReaders.INSTANT;

  /** ISO-8601 dates such as {@code 2024-01-31}. */
  public static final ValueReader<LocalDate> LOCAL_DATE = ScalarReaders.LOCAL_DATE;

  /** Any JSON-like value, taken as it is (maps and lists copied unmodifiable). */
  public static final ValueReader<Object> ANY = ScalarReaders.ANY;

  /**
   * Enum constants by name, in any case. Generated binders keep the reader in a constant, since
   * {@code values()} copies the array on each call.
   */
  public static <E extends Enum<E>> ValueReader<E> enumOf(E[] constants) {
    String[] names = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      names[i] = constants[i].name();
    }
    return enumOf(constants, names);
  }

  /**
   * Enum constants by wire value ({@code wireValues[i]} is that of {@code constants[i]}), or by the
   * constant's name in any case.
   *
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public static <E extends Enum<E>> ValueReader<E> enumOf(E[] constants, String... wireValues) {
    return ScalarReaders.enumOf(constants, wireValues);
  }

  /** Lists of {@code element}; null elements are violations. */
  public static <T> ValueReader<List<T>> list(ValueReader<T> element) {
    return new ValueReader<List<T>>() {
      @Override
      public List<T> read(Object value, ValuePath path, Violations violations) {
        List<T> items = elements(value, element, path, violations);
        return items == null ? null : Collections.unmodifiableList(items);
      }
    };
  }

  /** Sets of {@code element}, in input order without duplicates. */
  public static <T> ValueReader<Set<T>> set(ValueReader<T> element) {
    return new ValueReader<Set<T>>() {
      @Override
      public Set<T> read(Object value, ValuePath path, Violations violations) {
        List<T> items = elements(value, element, path, violations);
        return items == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(items));
      }
    };
  }

  /** Maps from string keys to {@code valueReader}'s type, in input order; null values are violations. */
  public static <T> ValueReader<Map<String, T>> map(ValueReader<T> valueReader) {
    return new ValueReader<Map<String, T>>() {
      @Override
      public Map<String, T> read(Object value, ValuePath path, Violations violations) {
        if (value == null) {
          return null;
        }
        if (!(value instanceof Map<?, ?> input)) {
          return ScalarReaders.typeMismatch("an object", value, path, violations);
        }
        int before = violations.count();
        Map<String, T> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : input.entrySet()) {
          if (!(entry.getKey() instanceof String key)) {
            violations.add(path, "has a key that is not a string", "Type");
            continue;
          }
          ValuePath entryPath = path.key(key);
          if (entry.getValue() == null) {
            violations.add(entryPath, "must not be null", "NotNull");
            continue;
          }
          result.put(key, valueReader.read(entry.getValue(), entryPath, violations));
        }
        return violations.count() == before ? Collections.unmodifiableMap(result) : null;
      }
    };
  }

  /** Optionals of {@code element}: empty when the value is absent or null. */
  public static <T> ValueReader<Optional<T>> optional(ValueReader<T> element) {
    return new ValueReader<Optional<T>>() {
      @Override
      public Optional<T> read(Object value, ValuePath path, Violations violations) {
        if (value == null) {
          return Optional.empty();
        }
        int before = violations.count();
        T read = element.read(value, path, violations);
        return violations.count() == before ? Optional.ofNullable(read) : null;
      }
    };
  }

  /**
   * The fields of a record's input: checks that {@code value} is an object whose keys are all the
   * record's wire names or Java names ({@code fieldNames}, from {@link #fieldNames}). Each unknown key
   * is an {@code UnknownField} violation with a did-you-mean naming the wire name, and a component
   * given under both names is a {@code DuplicateField} violation.
   *
   * @return the input map with every key a wire name (a copy only when a Java name was used), or null
   *     when it is not an object
   */
  public static Map<?, ?> object(Object value, ValuePath path, List<String> fieldNames, Violations violations) {
    Map<?, ?> input = JsonValues.asMap(value);
    if (input == null) {
      return ScalarReaders.typeMismatch("an object", value, path, violations);
    }
    if (allKnown(input, fieldNames)) {
      return input;
    }
    return FieldNames.resolve(input, path, fieldNames, violations);
  }

  // Whether every key is a wire name. When the record has few fields for the input's size, counting
  // the wire names the input holds is cheaper than walking its keys (no iterator, no entries); else a
  // hash lookup per key with the lists fieldNames(...) makes.
  private static boolean allKnown(Map<?, ?> input, List<String> fieldNames) {
    int size = input.size();
    int known = fieldNames.size();
    if (size > known) {
      return false;
    }
    if (known <= 2 * size && fieldNames instanceof RandomAccess) {
      int present = 0;
      for (int i = 0; i < known; i++) {
        if (input.containsKey(fieldNames.get(i))) {
          present++;
        }
      }
      return present == size;
    }
    for (Object key : input.keySet()) {
      if (!(key instanceof String) || !fieldNames.contains(key)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The component names of a record whose wire names are its Java names, in declaration order, as
   * generated binders give them to {@link #object}.
   *
   * @throws IllegalArgumentException when a name is repeated
   */
  public static List<String> fieldNames(String... names) {
    return new FieldNames(names, names);
  }

  /**
   * The wire names of a record's components and, at the same index, their Java names, which binding
   * takes too: what generated binders give {@link #object} when the two differ.
   *
   * @throws IllegalArgumentException when the arrays differ in length or a key would name two components
   */
  public static List<String> fieldNames(String[] wireNames, String[] javaNames) {
    return new FieldNames(wireNames, javaNames);
  }

  /** Reads an optional component: null when absent (or null). */
  public static <T> T field(Map<?, ?> fields, String name, ValuePath path, Violations violations, ValueReader<T> reader) {
    return reader.readField(fields.get(name), path, name, violations);
  }

  /** Reads a required component: a {@code Required} violation when absent or null. */
  public static <T> T required(Map<?, ?> fields, String name, ValuePath path, Violations violations, ValueReader<T> reader) {
    Object value = fields.get(name);
    if (value == null) {
      violations.add(Violations.field(path.toString(), name), "is required", "Required");
      return null;
    }
    return reader.readField(value, path, name, violations);
  }

  /** Reads a component with a default: {@code defaultValue} (JSON-like) is read when absent or null. */
  public static <T> T withDefault(
      Map<?, ?> fields, String name, Object defaultValue, ValuePath path, Violations violations, ValueReader<T> reader) {
    Object value = fields.get(name);
    return reader.readField(value == null ? defaultValue : value, path, name, violations);
  }

  private static <T> List<T> elements(Object value, ValueReader<T> element, ValuePath path, Violations violations) {
    if (value == null) {
      return null;
    }
    Collection<?> input = JsonValues.asCollection(value);
    if (input == null) {
      return ScalarReaders.typeMismatch("an array", value, path, violations);
    }
    int before = violations.count();
    List<T> items = new ArrayList<>(input.size());
    int index = 0;
    for (Object item : input) {
      if (item == null) {
        violations.add(path.index(index++), "must not be null", "NotNull");
        continue;
      }
      items.add(element.readElement(item, path, index++, violations));
    }
    return violations.count() == before ? items : null;
  }

}
