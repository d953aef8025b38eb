package io.synapse.plugins.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
  public static final ValueReader<String> STRING = new Scalar<String>((value, path, violations) -> typeMismatch("a string", value, path, violations)) {
    @Override
    String exact(Object value) {
      return value instanceof String text ? text : null;
    }
  };

  /** Booleans, with the lax strings and 0/1. */
  public static final ValueReader<Boolean> BOOLEAN = new Scalar<Boolean>((value, path, violations) -> {
      if (value instanceof String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
          case "true", "yes", "on", "1":
            return Boolean.TRUE;
          case "false", "no", "off", "0":
            return Boolean.FALSE;
          default:
            return typeMismatch("a boolean", value, path, violations);
        }
      }
      if (value instanceof Number number && isIntegral(number)) {
        long asLong = number.longValue();
        if (asLong == 0 || asLong == 1) {
          return asLong == 1;
        }
      }
      return typeMismatch("a boolean", value, path, violations);
    }) {
    @Override
    Boolean exact(Object value) {
      return value instanceof Boolean exact ? exact : null;
    }
  };

  /** 32-bit integers. */
  public static final ValueReader<Integer> INT = new Scalar<Integer>(
      (value, path, violations) -> narrow(integralIn(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "int", path, violations), Long::intValue)) {
    @Override
    Integer exact(Object value) {
      return value instanceof Integer exact ? exact : null;
    }
  };

  /** 64-bit integers. */
  public static final ValueReader<Long> LONG = new Scalar<Long>(
      (value, path, violations) -> narrow(integralIn(value, Long.MIN_VALUE, Long.MAX_VALUE, "long", path, violations), Long::longValue)) {
    @Override
    Long exact(Object value) {
      return value instanceof Long exact ? exact : value instanceof Integer small ? Long.valueOf(small) : null;
    }
  };

  /** 16-bit integers. */
  public static final ValueReader<Short> SHORT = new Scalar<Short>(
      (value, path, violations) -> narrow(integralIn(value, Short.MIN_VALUE, Short.MAX_VALUE, "short", path, violations), Long::shortValue)) {
    @Override
    Short exact(Object value) {
      return value instanceof Short exact ? exact
          : value instanceof Integer number && number == (short) (int) number ? Short.valueOf((short) (int) number) : null;
    }
  };

  /** 8-bit integers. */
  public static final ValueReader<Byte> BYTE = new Scalar<Byte>(
      (value, path, violations) -> narrow(integralIn(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte", path, violations), Long::byteValue)) {
    @Override
    Byte exact(Object value) {
      return value instanceof Byte exact ? exact
          : value instanceof Integer number && number == (byte) (int) number ? Byte.valueOf((byte) (int) number) : null;
    }
  };

  /** Integers of any size. */
  public static final ValueReader<BigInteger> BIG_INTEGER = new Scalar<BigInteger>((value, path, violations) -> integral(value, "an integer", path, violations)) {
    @Override
    BigInteger exact(Object value) {
      return value instanceof BigInteger exact ? exact : null;
    }
  };

  /** Finite doubles; a value beyond double's range (such as {@code 1e309}) is a violation. */
  public static final ValueReader<Double> DOUBLE = new Scalar<Double>((value, path, violations) -> {
      BigDecimal decimal = decimal(value, path, violations);
      if (decimal == null) {
        return null;
      }
      double result = decimal.doubleValue();
      if (Double.isInfinite(result)) {
        violations.add(path, "is out of range for double", "Type");
        return null;
      }
      return result;
    }) {
    @Override
    Double exact(Object value) {
    // An int converts to double exactly; other numbers go through their decimal form.
      return value instanceof Double exact && Double.isFinite(exact) ? exact
          : value instanceof Integer small ? Double.valueOf(small) : null;
    }
  };

  /** Finite floats; a value beyond float's range is a violation. */
  public static final ValueReader<Float> FLOAT = new Scalar<Float>((value, path, violations) -> {
      BigDecimal decimal = decimal(value, path, violations);
      if (decimal == null) {
        return null;
      }
      float result = decimal.floatValue();
      if (Float.isInfinite(result)) {
        violations.add(path, "is out of range for float", "Type");
        return null;
      }
      return result;
    }) {
    @Override
    Float exact(Object value) {
      return value instanceof Float exact && Float.isFinite(exact) ? exact : null;
    }
  };

  /** Exact decimals. */
  public static final ValueReader<BigDecimal> BIG_DECIMAL = new Scalar<BigDecimal>(Readers::decimal) {
    @Override
    BigDecimal exact(Object value) {
      return value instanceof BigDecimal exact ? exact : null;
    }
  };

  /**
   * File system paths, from strings. A relative path is resolved against the bind's
   * {@linkplain Violations#pathBase() path base} (the run's working directory) when it has one.
   */
  public static final ValueReader<Path> PATH = (value, path, violations) -> {
    String text = STRING.read(value, path, violations);
    if (text == null) {
      return null;
    }
    try {
      Path read = Path.of(text);
      Path base = violations.pathBase();
      return base == null || read.isAbsolute() ? read : base.resolve(read);
    } catch (InvalidPathException e) {
      violations.add(path, "is not a valid path: " + e.getReason(), "Type");
      return null;
    }
  };

  /** URIs, from strings. */
  public static final ValueReader<URI> URI = (value, path, violations) -> {
    String text = STRING.read(value, path, violations);
    if (text == null) {
      return null;
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      violations.add(path, "is not a valid URI: " + e.getReason(), "Type");
      return null;
    }
  };

  /** ISO-8601 durations such as {@code PT30S}. */
  public static final ValueReader<Duration> DURATION = (value, path, violations) -> {
    String text = STRING.read(value, path, violations);
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      violations.add(path, "is not an ISO-8601 duration such as PT30S", "Type");
      return null;
    }
  };

  /** ISO-8601 instants such as {@code 2024-01-31T10:15:30Z}. */
  public static final ValueReader<Instant> INSTANT = (value, path, violations) -> {
    String text = STRING.read(value, path, violations);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      violations.add(path, "is not an ISO-8601 instant such as 2024-01-31T10:15:30Z", "Type");
      return null;
    }
  };

  /** ISO-8601 dates such as {@code 2024-01-31}. */
  public static final ValueReader<LocalDate> LOCAL_DATE = (value, path, violations) -> {
    String text = STRING.read(value, path, violations);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      violations.add(path, "is not an ISO-8601 date such as 2024-01-31", "Type");
      return null;
    }
  };

  /** Any JSON-like value, taken as it is (maps and lists copied unmodifiable). */
  public static final ValueReader<Object> ANY = (value, path, violations) -> JsonValues.immutableCopy(value, path, violations);

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
    if (wireValues.length != constants.length) {
      throw new IllegalArgumentException(constants.length + " constants but " + wireValues.length + " wire values");
    }
    E[] known = constants.clone();
    String[] values = wireValues.clone();
    return new Scalar<E>((value, path, violations) -> {
      String text = STRING.read(value, path, violations);
      if (text == null) {
        return null;
      }
      violations.add(path, "must be one of " + String.join(", ", values), "Type");
      return null;
    }) {
      @Override
      E exact(Object value) {
        return value instanceof String text ? constantNamed(known, values, text) : null;
      }
    };
  }

  private static <E extends Enum<E>> E constantNamed(E[] constants, String[] wireValues, String text) {
    for (int i = 0; i < wireValues.length; i++) {
      if (wireValues[i].equals(text)) {
        return constants[i];
      }
    }
    String wanted = text.trim();
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(wanted)) {
        return constant;
      }
    }
    return null;
  }

  /** Lists of {@code element}; null elements are violations. */
  public static <T> ValueReader<List<T>> list(ValueReader<T> element) {
    return (value, path, violations) -> {
      List<T> items = elements(value, element, path, violations);
      return items == null ? null : Collections.unmodifiableList(items);
    };
  }

  /** Sets of {@code element}, in input order without duplicates. */
  public static <T> ValueReader<Set<T>> set(ValueReader<T> element) {
    return (value, path, violations) -> {
      List<T> items = elements(value, element, path, violations);
      return items == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(items));
    };
  }

  /** Maps from string keys to {@code valueReader}'s type, in input order; null values are violations. */
  public static <T> ValueReader<Map<String, T>> map(ValueReader<T> valueReader) {
    return (value, path, violations) -> {
      if (value == null) {
        return null;
      }
      if (!(value instanceof Map<?, ?> input)) {
        return typeMismatch("an object", value, path, violations);
      }
      int before = violations.count();
      Map<String, T> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : input.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          violations.add(path, "has a key that is not a string", "Type");
          continue;
        }
        String entryPath = Violations.key(path, key);
        if (entry.getValue() == null) {
          violations.add(entryPath, "must not be null", "NotNull");
          continue;
        }
        result.put(key, valueReader.read(entry.getValue(), entryPath, violations));
      }
      return violations.count() == before ? Collections.unmodifiableMap(result) : null;
    };
  }

  /** Optionals of {@code element}: empty when the value is absent or null. */
  public static <T> ValueReader<Optional<T>> optional(ValueReader<T> element) {
    return (value, path, violations) -> {
      if (value == null) {
        return Optional.empty();
      }
      int before = violations.count();
      T read = element.read(value, path, violations);
      return violations.count() == before ? Optional.ofNullable(read) : null;
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
  public static Map<?, ?> object(Object value, String path, List<String> fieldNames, Violations violations) {
    Map<?, ?> input = asMap(value);
    if (input == null) {
      return typeMismatch("an object", value, path, violations);
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
  public static <T> T field(Map<?, ?> fields, String name, String path, Violations violations, ValueReader<T> reader) {
    return reader.readField(fields.get(name), path, name, violations);
  }

  /** Reads a required component: a {@code Required} violation when absent or null. */
  public static <T> T required(Map<?, ?> fields, String name, String path, Violations violations, ValueReader<T> reader) {
    Object value = fields.get(name);
    if (value == null) {
      violations.add(Violations.field(path, name), "is required", "Required");
      return null;
    }
    return reader.readField(value, path, name, violations);
  }

  /** Reads a component with a default: {@code defaultValue} (JSON-like) is read when absent or null. */
  public static <T> T withDefault(
      Map<?, ?> fields, String name, Object defaultValue, String path, Violations violations, ValueReader<T> reader) {
    Object value = fields.get(name);
    return reader.readField(value == null ? defaultValue : value, path, name, violations);
  }

  private static <T> List<T> elements(Object value, ValueReader<T> element, String path, Violations violations) {
    if (value == null) {
      return null;
    }
    Collection<?> input = asCollection(value);
    if (input == null) {
      return typeMismatch("an array", value, path, violations);
    }
    int before = violations.count();
    List<T> items = new ArrayList<>(input.size());
    int index = 0;
    for (Object item : input) {
      if (item == null) {
        violations.add(Violations.index(path, index++), "must not be null", "NotNull");
        continue;
      }
      items.add(element.readElement(item, path, index++, violations));
    }
    return violations.count() == before ? items : null;
  }

  private static BigInteger integral(Object value, String expected, String path, Violations violations) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return big;
    }
    BigDecimal decimal = null;
    if (value instanceof Number number) {
      if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
        // A non-finite double comes from a YAML file (.inf) or a Java map, never from JSON text.
        violations.add(path, "must be a finite number", "Type");
        return null;
      }
      decimal = toDecimal(number);
    } else if (value instanceof String text) {
      decimal = parseDecimal(text);
    }
    if (decimal == null) {
      return typeMismatch(expected, value, path, violations);
    }
    // Checked on the stripped form first: 1e999999999 (or 1e-999999999) must not make BigDecimal
    // build a number of a billion digits.
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() > 0) {
      violations.add(path, "must be a whole number", "Type");
      return null;
    }
    if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
      violations.add(path, "is out of range (more than " + MAX_INTEGER_DIGITS + " digits)", "Type");
      return null;
    }
    return stripped.toBigIntegerExact();
  }

  // An integer within [min, max] as a long, or null with a violation.
  private static Long integralIn(Object value, long min, long max, String type, String path, Violations violations) {
    BigInteger integer = integral(value, "an integer", path, violations);
    return integer != null && inRange(integer, min, max, type, path, violations) ? integer.longValue() : null;
  }

  private static <T> T narrow(Long value, java.util.function.Function<Long, T> conversion) {
    return value == null ? null : conversion.apply(value);
  }

  private static boolean inRange(BigInteger value, long min, long max, String type, String path, Violations violations) {
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      violations.add(path, "is out of range for " + type + " (" + min + " to " + max + ")", "Type");
      return false;
    }
    return true;
  }

  private static BigDecimal decimal(Object value, String path, Violations violations) {
    if (value == null) {
      return null;
    }
    BigDecimal decimal = null;
    if (value instanceof Number number) {
      if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
        violations.add(path, "must be a finite number", "Type");
        return null;
      }
      decimal = toDecimal(number);
    } else if (value instanceof String text) {
      decimal = parseDecimal(text);
    }
    return decimal != null ? decimal : typeMismatch("a number", value, path, violations);
  }

  private static BigDecimal toDecimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
    }
    return BigDecimal.valueOf(number.longValue());
  }

  private static BigDecimal parseDecimal(String text) {
    String trimmed = text.trim();
    // Only JSON number syntax: no "NaN", "Infinity", hex or trailing letters.
    if (trimmed.isEmpty() || trimmed.length() > 400 || !trimmed.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return null;
    }
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isIntegral(Number number) {
    return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
        || number instanceof BigInteger;
  }

  /**
   * Checks {@code input} against the limits in the class comment, adding one violation and returning
   * false when it crosses one. No depth of input can overflow the stack.
   */
  static boolean withinLimits(Object input, Violations violations) {
    // Params are shallow: a short recursive walk proves most inputs within the limits. Anything deeper
    // than it goes, or over a limit, is walked again by the iterative check, which names the path.
    return quickCount(input, 0, 1) >= 0 || checkLimits(input, violations);
  }

  private static final int QUICK_DEPTH = 32;

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
    Map<?, ?> map = asMap(value);
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
    Collection<?> collection = asCollection(value);
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
      String path = "";
      for (Object segment : segments) {
        path = segment instanceof Integer index ? Violations.index(path, index) : Violations.key(path, String.valueOf(segment));
      }
      return path;
    }
  }

  /**
   * A reader of values that usually arrive as the right Java type already: {@link #exact} takes those
   * (returning null for anything else) without spelling out a path; {@code convert} gets the rest, never
   * null, with the path, to coerce or report. A subclass per reader, so that once the JIT knows which
   * reader a generated binder passes, {@code exact} is a direct call it can inline.
   */
  private abstract static class Scalar<T> implements ValueReader<T> {
    private final ValueReader<T> convert;

    Scalar(ValueReader<T> convert) {
      this.convert = convert;
    }

    /** {@code value} itself (or its exact equal of type T) when it needs no conversion; else null. */
    abstract T exact(Object value);

    @Override
    public final T read(Object value, String path, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert.read(value, path, violations);
    }

    @Override
    public final T readField(Object value, String parent, String name, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert.read(value, Violations.field(parent, name), violations);
    }

    @Override
    public final T readElement(Object value, String parent, int index, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert.read(value, Violations.index(parent, index), violations);
    }
  }

  static <T> T typeMismatch(String expected, Object value, String path, Violations violations) {
    violations.add(path, "must be " + expected + ", not " + JsonValues.kind(value), "Type");
    return null;
  }
}
