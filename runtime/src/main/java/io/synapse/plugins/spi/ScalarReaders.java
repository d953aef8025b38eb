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
import java.util.Locale;

/**
 * The scalar readers behind {@link Readers}' constants and {@link Readers#enumOf}, with the number
 * coercions they share. {@link Readers} documents what each accepts; generated code uses that class.
 */
final class ScalarReaders {
  private ScalarReaders() {}

  // Every reader is a named or anonymous class, not a lambda: a first bind then spins no hidden class
  // (see ColdPathTest).

  /** Strings. */
  static final ValueReader<String> STRING = new Scalar<String>() {
    @Override
    String exact(Object value) {
      return value instanceof String text ? text : null;
    }

    @Override
    String convert(Object value, ValuePath path, Violations violations) {
      return typeMismatch("a string", value, path, violations);
    }
  };

  /** Booleans, with the lax strings and 0/1. */
  static final ValueReader<Boolean> BOOLEAN = new Scalar<Boolean>() {
    @Override
    Boolean exact(Object value) {
      return value instanceof Boolean exact ? exact : null;
    }

    @Override
    Boolean convert(Object value, ValuePath path, Violations violations) {
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
    }
  };

  /** 32-bit integers. */
  static final ValueReader<Integer> INT = new Integral<Integer>(Integer.MIN_VALUE, Integer.MAX_VALUE, "int") {
    @Override
    Integer exact(Object value) {
      return value instanceof Integer exact ? exact : null;
    }

    @Override
    Integer narrow(long value) {
      return (int) value;
    }
  };

  /** 64-bit integers. */
  static final ValueReader<Long> LONG = new Integral<Long>(Long.MIN_VALUE, Long.MAX_VALUE, "long") {
    @Override
    Long exact(Object value) {
      return value instanceof Long exact ? exact : value instanceof Integer small ? Long.valueOf(small) : null;
    }

    @Override
    Long narrow(long value) {
      return value;
    }
  };

  /** 16-bit integers. */
  static final ValueReader<Short> SHORT = new Integral<Short>(Short.MIN_VALUE, Short.MAX_VALUE, "short") {
    @Override
    Short exact(Object value) {
      return value instanceof Short exact ? exact
          : value instanceof Integer number && number == (short) (int) number ? Short.valueOf((short) (int) number) : null;
    }

    @Override
    Short narrow(long value) {
      return (short) value;
    }
  };

  /** 8-bit integers. */
  static final ValueReader<Byte> BYTE = new Integral<Byte>(Byte.MIN_VALUE, Byte.MAX_VALUE, "byte") {
    @Override
    Byte exact(Object value) {
      return value instanceof Byte exact ? exact
          : value instanceof Integer number && number == (byte) (int) number ? Byte.valueOf((byte) (int) number) : null;
    }

    @Override
    Byte narrow(long value) {
      return (byte) value;
    }
  };

  /** Integers of any size. */
  static final ValueReader<BigInteger> BIG_INTEGER = new Scalar<BigInteger>() {
    @Override
    BigInteger exact(Object value) {
      return value instanceof BigInteger exact ? exact : null;
    }

    @Override
    BigInteger convert(Object value, ValuePath path, Violations violations) {
      return integral(value, "an integer", path, violations);
    }
  };

  /** Finite doubles; a value beyond double's range (such as {@code 1e309}) is a violation. */
  static final ValueReader<Double> DOUBLE = new Floating<Double>("double") {
    @Override
    Double exact(Object value) {
      // An int converts to double exactly; other numbers go through their decimal form.
      return value instanceof Double exact && Double.isFinite(exact) ? exact
          : value instanceof Integer small ? Double.valueOf(small) : null;
    }

    @Override
    Double narrow(BigDecimal decimal) {
      double result = decimal.doubleValue();
      return Double.isInfinite(result) ? null : result;
    }
  };

  /** Finite floats; a value beyond float's range is a violation. */
  static final ValueReader<Float> FLOAT = new Floating<Float>("float") {
    @Override
    Float exact(Object value) {
      return value instanceof Float exact && Float.isFinite(exact) ? exact : null;
    }

    @Override
    Float narrow(BigDecimal decimal) {
      float result = decimal.floatValue();
      return Float.isInfinite(result) ? null : result;
    }
  };

  /** Exact decimals. */
  static final ValueReader<BigDecimal> BIG_DECIMAL = new Scalar<BigDecimal>() {
    @Override
    BigDecimal exact(Object value) {
      return value instanceof BigDecimal exact ? exact : null;
    }

    @Override
    BigDecimal convert(Object value, ValuePath path, Violations violations) {
      return decimal(value, path, violations);
    }
  };

  /**
   * File system paths, from strings. A relative path is resolved against the bind's
   * {@linkplain Violations#pathBase() path base} (the run's working directory) when it has one.
   */
  static final ValueReader<Path> PATH = new FromText<Path>() {
    @Override
    Path parse(String text, ValuePath path, Violations violations) {
      try {
        Path read = Path.of(text);
        Path base = violations.pathBase();
        return base == null || read.isAbsolute() ? read : base.resolve(read);
      } catch (InvalidPathException e) {
        violations.add(path, "is not a valid path: " + e.getReason(), "Type");
        return null;
      }
    }
  };

  /** URIs, from strings. */
  static final ValueReader<URI> URI = new FromText<URI>() {
    @Override
    URI parse(String text, ValuePath path, Violations violations) {
      try {
        return new URI(text);
      } catch (URISyntaxException e) {
        violations.add(path, "is not a valid URI: " + e.getReason(), "Type");
        return null;
      }
    }
  };

  /** ISO-8601 durations such as {@code PT30S}. */
  static final ValueReader<Duration> DURATION = new Iso8601<Duration>("is not an ISO-8601 duration such as PT30S") {
    @Override
    Duration parse(String text) {
      return Duration.parse(text);
    }
  };

  /** ISO-8601 instants such as {@code 2024-01-31T10:15:30Z}. */
  static final ValueReader<Instant> INSTANT = new Iso8601<Instant>("is not an ISO-8601 instant such as 2024-01-31T10:15:30Z") {
    @Override
    Instant parse(String text) {
      return Instant.parse(text);
    }
  };

  /** ISO-8601 dates such as {@code 2024-01-31}. */
  static final ValueReader<LocalDate> LOCAL_DATE = new Iso8601<LocalDate>("is not an ISO-8601 date such as 2024-01-31") {
    @Override
    LocalDate parse(String text) {
      return LocalDate.parse(text);
    }
  };

  /** Any JSON-like value, taken as it is (maps and lists copied unmodifiable). */
  static final ValueReader<Object> ANY = new ValueReader<Object>() {
    @Override
    public Object read(Object value, ValuePath path, Violations violations) {
      return JsonValues.immutableCopy(value, path, violations);
    }
  };

  /**
   * Enum constants by wire value ({@code wireValues[i]} is that of {@code constants[i]}), or by the
   * constant's name in any case.
   *
   * @throws IllegalArgumentException when the arrays differ in length
   */
  static <E extends Enum<E>> ValueReader<E> enumOf(E[] constants, String... wireValues) {
    if (wireValues.length != constants.length) {
      throw new IllegalArgumentException(constants.length + " constants but " + wireValues.length + " wire values");
    }
    E[] known = constants.clone();
    String[] values = wireValues.clone();
    return new Scalar<E>() {
      @Override
      E exact(Object value) {
        return value instanceof String text ? constantNamed(known, values, text) : null;
      }

      @Override
      E convert(Object value, ValuePath path, Violations violations) {
        String text = STRING.read(value, path, violations);
        if (text == null) {
          return null;
        }
        violations.add(path, "must be one of " + String.join(", ", values), "Type");
        return null;
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

  private static BigInteger integral(Object value, String expected, ValuePath path, Violations violations) {
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
    if (stripped.precision() - stripped.scale() > Readers.MAX_INTEGER_DIGITS) {
      violations.add(path, "is out of range (more than " + Readers.MAX_INTEGER_DIGITS + " digits)", "Type");
      return null;
    }
    return stripped.toBigIntegerExact();
  }

  // An integer within [min, max] as a long, or null with a violation.
  private static Long integralIn(Object value, long min, long max, String type, ValuePath path, Violations violations) {
    BigInteger integer = integral(value, "an integer", path, violations);
    return integer != null && inRange(integer, min, max, type, path, violations) ? integer.longValue() : null;
  }

  private static boolean inRange(BigInteger value, long min, long max, String type, ValuePath path, Violations violations) {
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      violations.add(path, "is out of range for " + type + " (" + min + " to " + max + ")", "Type");
      return false;
    }
    return true;
  }

  private static BigDecimal decimal(Object value, ValuePath path, Violations violations) {
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
   * A reader of values that usually arrive as the right Java type already: {@link #exact} takes those
   * (returning null for anything else) without spelling out a path; {@link #convert} gets the rest, never
   * null, with the path, to coerce or report. A subclass per reader, so that once the JIT knows which
   * reader a generated binder passes, {@code exact} is a direct call it can inline.
   */
  private abstract static class Scalar<T> implements ValueReader<T> {
    /** {@code value} itself (or its exact equal of type T) when it needs no conversion; else null. */
    abstract T exact(Object value);

    /** A value {@link #exact} did not take, coerced, or null with a violation at {@code path}. */
    abstract T convert(Object value, ValuePath path, Violations violations);

    @Override
    public final T read(Object value, ValuePath path, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert(value, path, violations);
    }

    @Override
    public final T readField(Object value, ValuePath parent, String name, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert(value, parent.field(name), violations);
    }

    @Override
    public final T readElement(Object value, ValuePath parent, int index, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert(value, parent.index(index), violations);
    }
  }

  /** A whole number within a primitive type's range, as that type. */
  private abstract static class Integral<T> extends Scalar<T> {
    private final long min;
    private final long max;
    private final String type;

    Integral(long min, long max, String type) {
      this.min = min;
      this.max = max;
      this.type = type;
    }

    /** {@code value}, known to be within range, as T. */
    abstract T narrow(long value);

    @Override
    final T convert(Object value, ValuePath path, Violations violations) {
      Long read = integralIn(value, min, max, type, path, violations);
      return read == null ? null : narrow(read);
    }
  }

  /** A finite floating-point number, from any number or numeric string; beyond the type's range is a violation. */
  private abstract static class Floating<T> extends Scalar<T> {
    private final String type;

    Floating(String type) {
      this.type = type;
    }

    /** {@code decimal} as T, or null when it is beyond T's range. */
    abstract T narrow(BigDecimal decimal);

    @Override
    final T convert(Object value, ValuePath path, Violations violations) {
      BigDecimal decimal = decimal(value, path, violations);
      if (decimal == null) {
        return null;
      }
      T result = narrow(decimal);
      if (result == null) {
        violations.add(path, "is out of range for " + type, "Type");
      }
      return result;
    }
  }

  /** A reader of values written as strings: the string is read as {@link #STRING} reads it, then parsed. */
  private abstract static class FromText<T> implements ValueReader<T> {
    /** {@code text} parsed, or null with a violation at {@code path}. */
    abstract T parse(String text, ValuePath path, Violations violations);

    @Override
    public final T read(Object value, ValuePath path, Violations violations) {
      String text = STRING.read(value, path, violations);
      return text == null ? null : parse(text, path, violations);
    }
  }

  /** An ISO-8601 value: the trimmed string parsed by {@code java.time}, or {@code problem} when it does not parse. */
  private abstract static class Iso8601<T> extends FromText<T> {
    private final String problem;

    Iso8601(String problem) {
      this.problem = problem;
    }

    /** {@code text} parsed by {@code java.time}. */
    abstract T parse(String text);

    @Override
    final T parse(String text, ValuePath path, Violations violations) {
      try {
        return parse(text.trim());
      } catch (DateTimeParseException e) {
        violations.add(path, problem, "Type");
        return null;
      }
    }
  }

  static <T> T typeMismatch(String expected, Object value, ValuePath path, Violations violations) {
    violations.add(path, "must be " + expected + ", not " + JsonValues.kind(value), "Type");
    return null;
  }
}
