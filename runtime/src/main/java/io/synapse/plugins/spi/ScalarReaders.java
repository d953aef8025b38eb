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

  /** Strings. */
  static final ValueReader<String> STRING = new Scalar<String>((value, path, violations) -> typeMismatch("a string", value, path, violations)) {
    @Override
    String exact(Object value) {
      return value instanceof String text ? text : null;
    }
  };

  /** Booleans, with the lax strings and 0/1. */
  static final ValueReader<Boolean> BOOLEAN = new Scalar<Boolean>((value, path, violations) -> {
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
  static final ValueReader<Integer> INT = new Scalar<Integer>(
      (value, path, violations) -> narrow(integralIn(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "int", path, violations), Long::intValue)) {
    @Override
    Integer exact(Object value) {
      return value instanceof Integer exact ? exact : null;
    }
  };

  /** 64-bit integers. */
  static final ValueReader<Long> LONG = new Scalar<Long>(
      (value, path, violations) -> narrow(integralIn(value, Long.MIN_VALUE, Long.MAX_VALUE, "long", path, violations), Long::longValue)) {
    @Override
    Long exact(Object value) {
      return value instanceof Long exact ? exact : value instanceof Integer small ? Long.valueOf(small) : null;
    }
  };

  /** 16-bit integers. */
  static final ValueReader<Short> SHORT = new Scalar<Short>(
      (value, path, violations) -> narrow(integralIn(value, Short.MIN_VALUE, Short.MAX_VALUE, "short", path, violations), Long::shortValue)) {
    @Override
    Short exact(Object value) {
      return value instanceof Short exact ? exact
          : value instanceof Integer number && number == (short) (int) number ? Short.valueOf((short) (int) number) : null;
    }
  };

  /** 8-bit integers. */
  static final ValueReader<Byte> BYTE = new Scalar<Byte>(
      (value, path, violations) -> narrow(integralIn(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte", path, violations), Long::byteValue)) {
    @Override
    Byte exact(Object value) {
      return value instanceof Byte exact ? exact
          : value instanceof Integer number && number == (byte) (int) number ? Byte.valueOf((byte) (int) number) : null;
    }
  };

  /** Integers of any size. */
  static final ValueReader<BigInteger> BIG_INTEGER = new Scalar<BigInteger>((value, path, violations) -> integral(value, "an integer", path, violations)) {
    @Override
    BigInteger exact(Object value) {
      return value instanceof BigInteger exact ? exact : null;
    }
  };

  /** Finite doubles; a value beyond double's range (such as {@code 1e309}) is a violation. */
  static final ValueReader<Double> DOUBLE = new Scalar<Double>((value, path, violations) -> {
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
  static final ValueReader<Float> FLOAT = new Scalar<Float>((value, path, violations) -> {
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
  static final ValueReader<BigDecimal> BIG_DECIMAL = new Scalar<BigDecimal>(ScalarReaders::decimal) {
    @Override
    BigDecimal exact(Object value) {
      return value instanceof BigDecimal exact ? exact : null;
    }
  };

  /**
   * File system paths, from strings. A relative path is resolved against the bind's
   * {@linkplain Violations#pathBase() path base} (the run's working directory) when it has one.
   */
  static final ValueReader<Path> PATH = (value, path, violations) -> {
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
  static final ValueReader<URI> URI = (value, path, violations) -> {
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
  static final ValueReader<Duration> DURATION = (value, path, violations) -> {
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
  static final ValueReader<Instant> INSTANT = (value, path, violations) -> {
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
  static final ValueReader<LocalDate> LOCAL_DATE = (value, path, violations) -> {
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
  static final ValueReader<Object> ANY = (value, path, violations) -> JsonValues.immutableCopy(value, path, violations);

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

  private static <T> T narrow(Long value, java.util.function.Function<Long, T> conversion) {
    return value == null ? null : conversion.apply(value);
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
    public final T read(Object value, ValuePath path, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert.read(value, path, violations);
    }

    @Override
    public final T readField(Object value, ValuePath parent, String name, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert.read(value, parent.field(name), violations);
    }

    @Override
    public final T readElement(Object value, ValuePath parent, int index, Violations violations) {
      if (value == null) {
        return null;
      }
      T read = exact(value);
      return read != null ? read : convert.read(value, parent.index(index), violations);
    }
  }

  static <T> T typeMismatch(String expected, Object value, ValuePath path, Violations violations) {
    violations.add(path, "must be " + expected + ", not " + JsonValues.kind(value), "Type");
    return null;
  }
}
