package io.synapse.plugins.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The jakarta-style constraint checks generated binders call after reading a component. Each check
 * ignores {@code null} (absence is the reader's business), adds one violation named after the
 * constraint, and never quotes the value. {@code Optional} values are checked by their content.
 */
public final class Checks {
  private Checks() {}

  // A pragmatic address check: one '@', a non-empty local part and a dotted or single-label domain.
  private static final Pattern EMAIL = Pattern.compile(
      "^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)*$");

  /** {@code @NotBlank}: a string with at least one non-whitespace character. */
  public static void notBlank(Object value, String path, Violations violations) {
    Object actual = unwrap(value);
    if (actual instanceof CharSequence text && text.toString().isBlank()) {
      violations.add(path, "must not be blank", "NotBlank");
    }
  }

  /** {@code @NotEmpty}: a string, collection or map with at least one element. */
  public static void notEmpty(Object value, String path, Violations violations) {
    Long size = size(unwrap(value));
    if (size != null && size == 0) {
      violations.add(path, "must not be empty", "NotEmpty");
    }
  }

  /** {@code @Size(min, max)} on a string's length, a collection's or a map's size. */
  public static void size(Object value, int min, int max, String path, Violations violations) {
    Long size = size(unwrap(value));
    if (size != null && (size < min || size > max)) {
      String range = max == Integer.MAX_VALUE ? "at least " + min : min == 0 ? "at most " + max : "between " + min + " and " + max;
      violations.add(path, "size must be " + range, "Size");
    }
  }

  /** {@code @Min}: a number greater than or equal to {@code min}. */
  public static void min(Object value, long min, String path, Violations violations) {
    Number number = number(value);
    if (number != null && compare(number, min) < 0) {
      violations.add(path, "must be greater than or equal to " + min, "Min");
    }
  }

  /** {@code @Max}: a number less than or equal to {@code max}. */
  public static void max(Object value, long max, String path, Violations violations) {
    Number number = number(value);
    if (number != null && compare(number, max) > 0) {
      violations.add(path, "must be less than or equal to " + max, "Max");
    }
  }

  /** {@code @DecimalMin}: a number above {@code min} (or equal to it when inclusive). */
  public static void decimalMin(Object value, String min, boolean inclusive, String path, Violations violations) {
    Number number = number(value);
    if (number != null) {
      int comparison = decimal(number).compareTo(new BigDecimal(min));
      if (comparison < 0 || (comparison == 0 && !inclusive)) {
        violations.add(path, "must be greater than " + (inclusive ? "or equal to " : "") + min, "DecimalMin");
      }
    }
  }

  /** {@code @DecimalMax}: a number below {@code max} (or equal to it when inclusive). */
  public static void decimalMax(Object value, String max, boolean inclusive, String path, Violations violations) {
    Number number = number(value);
    if (number != null) {
      int comparison = decimal(number).compareTo(new BigDecimal(max));
      if (comparison > 0 || (comparison == 0 && !inclusive)) {
        violations.add(path, "must be less than " + (inclusive ? "or equal to " : "") + max, "DecimalMax");
      }
    }
  }

  /** {@code @Positive}: greater than 0. */
  public static void positive(Object value, String path, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) <= 0) {
      violations.add(path, "must be greater than 0", "Positive");
    }
  }

  /** {@code @PositiveOrZero}: 0 or more. */
  public static void positiveOrZero(Object value, String path, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) < 0) {
      violations.add(path, "must be greater than or equal to 0", "PositiveOrZero");
    }
  }

  /** {@code @Negative}: less than 0. */
  public static void negative(Object value, String path, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) >= 0) {
      violations.add(path, "must be less than 0", "Negative");
    }
  }

  /** {@code @NegativeOrZero}: 0 or less. */
  public static void negativeOrZero(Object value, String path, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) > 0) {
      violations.add(path, "must be less than or equal to 0", "NegativeOrZero");
    }
  }

  /** {@code @Pattern}: the whole string matches {@code pattern}. */
  public static void pattern(Object value, Pattern pattern, String path, Violations violations) {
    Object actual = unwrap(value);
    if (actual instanceof CharSequence text && !pattern.matcher(text).matches()) {
      violations.add(path, "must match \"" + pattern.pattern() + "\"", "Pattern");
    }
  }

  /** {@code @Email}: a well-formed address, and when {@code extra} is given, matching it too. */
  public static void email(Object value, Pattern extra, String path, Violations violations) {
    Object actual = unwrap(value);
    if (actual instanceof CharSequence text && text.length() > 0
        && (!EMAIL.matcher(text).matches() || (extra != null && !extra.matcher(text).matches()))) {
      violations.add(path, "must be a well-formed email address", "Email");
    }
  }

  private static Object unwrap(Object value) {
    return value instanceof Optional<?> optional ? optional.orElse(null) : value;
  }

  private static Long size(Object value) {
    if (value instanceof CharSequence text) {
      return (long) text.length();
    }
    if (value instanceof Collection<?> collection) {
      return (long) collection.size();
    }
    if (value instanceof Map<?, ?> map) {
      return (long) map.size();
    }
    return null;
  }

  private static Number number(Object value) {
    Object actual = unwrap(value);
    return actual instanceof Number number ? number : null;
  }

  private static int compare(Number number, long bound) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
      return Long.compare(number.longValue(), bound);
    }
    return decimal(number).compareTo(BigDecimal.valueOf(bound));
  }

  private static int signum(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
      return Long.signum(number.longValue());
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      return d > 0 ? 1 : d < 0 ? -1 : 0;
    }
    return decimal(number).signum();
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (number instanceof Double || number instanceof Float) {
      return new BigDecimal(number.toString());
    }
    return BigDecimal.valueOf(number.longValue());
  }
}
