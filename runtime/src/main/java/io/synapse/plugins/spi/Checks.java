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
 *
 * <p>Each check takes the component's {@code parent} path and {@code name} rather than its whole path,
 * so that the path is spelled out only when a violation is reported: a valid input builds no path.
 */
public final class Checks {
  private Checks() {}

  // A pragmatic address check: one '@'; a local part of dot-separated atoms of letters, digits and
  // !#$%&'*+/=?^_`{|}~-; a domain of dot-separated labels of 1 to 63 letters, digits and hyphens that
  // neither start nor end with a hyphen. Scanned by hand because the regex it replaces was the dearest
  // check of a typical bind; ChecksTest holds the two to the same answers.
  private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
  private static final int MAX_LABEL = 63;

  /** {@code @NotBlank}: a string with at least one non-whitespace character. */
  public static void notBlank(Object value, ValuePath parent, String name, Violations violations) {
    CharSequence text = text(value);
    if (text != null && text.toString().isBlank()) {
      violations.add(Violations.field(parent.toString(), name), "must not be blank", "NotBlank");
    }
  }

  /** {@code @NotEmpty}: a string, collection or map with at least one element. */
  public static void notEmpty(Object value, ValuePath parent, String name, Violations violations) {
    long size = size(unwrap(value));
    if (size == 0) {
      violations.add(Violations.field(parent.toString(), name), "must not be empty", "NotEmpty");
    }
  }

  /**
   * {@code @Size(min, max)} on a string's length, a collection's or a map's size. A string's length is
   * its number of characters (Unicode code points), as JSON Schema's {@code minLength} and Python's
   * {@code len} count it, so that an emoji is one character, not two UTF-16 units.
   */
  public static void size(Object value, int min, int max, ValuePath parent, String name, Violations violations) {
    Object actual = unwrap(value);
    long size = actual instanceof CharSequence text ? characters(text, min, max) : size(actual);
    if (size >= 0 && (size < min || size > max)) {
      String range = max == Integer.MAX_VALUE ? "at least " + min : min == 0 ? "at most " + max : "between " + min + " and " + max;
      violations.add(Violations.field(parent.toString(), name), "size must be " + range, "Size");
    }
  }

  /** {@code @Min}: a number greater than or equal to {@code min}. */
  public static void min(Object value, long min, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null && compare(number, min) < 0) {
      violations.add(Violations.field(parent.toString(), name), "must be greater than or equal to " + min, "Min");
    }
  }

  /** {@code @Max}: a number less than or equal to {@code max}. */
  public static void max(Object value, long max, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null && compare(number, max) > 0) {
      violations.add(Violations.field(parent.toString(), name), "must be less than or equal to " + max, "Max");
    }
  }

  /** {@code @DecimalMin}: a number above {@code min} (or equal to it when inclusive). */
  public static void decimalMin(Object value, String min, boolean inclusive, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null) {
      reportBelow(decimal(number).compareTo(new BigDecimal(min)), min, inclusive, parent, name, violations);
    }
  }

  /**
   * {@code @DecimalMin} with a bound that a {@code double} holds exactly ({@code exactMin} is
   * {@code min}, as the processor checked): doubles and integers of at most 53 bits are compared as
   * doubles, with the same answer as {@link BigDecimal} and none of its cost.
   */
  public static void decimalMin(
      Object value, String min, double exactMin, boolean inclusive, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null) {
      reportBelow(compare(number, min, exactMin), min, inclusive, parent, name, violations);
    }
  }

  /** {@code @DecimalMax}: a number below {@code max} (or equal to it when inclusive). */
  public static void decimalMax(Object value, String max, boolean inclusive, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null) {
      reportAbove(decimal(number).compareTo(new BigDecimal(max)), max, inclusive, parent, name, violations);
    }
  }

  /** {@code @DecimalMax} with a bound that a {@code double} holds exactly; see the same for {@code decimalMin}. */
  public static void decimalMax(
      Object value, String max, double exactMax, boolean inclusive, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null) {
      reportAbove(compare(number, max, exactMax), max, inclusive, parent, name, violations);
    }
  }

  private static void reportBelow(int comparison, String min, boolean inclusive, ValuePath parent, String name, Violations violations) {
    if (comparison < 0 || (comparison == 0 && !inclusive)) {
      violations.add(Violations.field(parent.toString(), name), "must be greater than " + (inclusive ? "or equal to " : "") + min, "DecimalMin");
    }
  }

  private static void reportAbove(int comparison, String max, boolean inclusive, ValuePath parent, String name, Violations violations) {
    if (comparison > 0 || (comparison == 0 && !inclusive)) {
      violations.add(Violations.field(parent.toString(), name), "must be less than " + (inclusive ? "or equal to " : "") + max, "DecimalMax");
    }
  }

  // A double compares with an exact double bound as its shortest decimal form does (that form lies in
  // the double's own rounding interval, which no other double's interval overlaps); an integer of at
  // most 53 bits converts to double exactly.
  private static int compare(Number number, String bound, double exactBound) {
    double d;
    if (number instanceof Double boxed && Double.isFinite(boxed)) {
      d = boxed;
    } else if ((number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte)
        && number.longValue() >= -(1L << 53) && number.longValue() <= (1L << 53)) {
      d = number.longValue();
    } else {
      return decimal(number).compareTo(new BigDecimal(bound));
    }
    return d < exactBound ? -1 : d > exactBound ? 1 : 0;
  }

  /** {@code @Positive}: greater than 0. */
  public static void positive(Object value, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) <= 0) {
      violations.add(Violations.field(parent.toString(), name), "must be greater than 0", "Positive");
    }
  }

  /** {@code @PositiveOrZero}: 0 or more. */
  public static void positiveOrZero(Object value, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) < 0) {
      violations.add(Violations.field(parent.toString(), name), "must be greater than or equal to 0", "PositiveOrZero");
    }
  }

  /** {@code @Negative}: less than 0. */
  public static void negative(Object value, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) >= 0) {
      violations.add(Violations.field(parent.toString(), name), "must be less than 0", "Negative");
    }
  }

  /** {@code @NegativeOrZero}: 0 or less. */
  public static void negativeOrZero(Object value, ValuePath parent, String name, Violations violations) {
    Number number = number(value);
    if (number != null && signum(number) > 0) {
      violations.add(Violations.field(parent.toString(), name), "must be less than or equal to 0", "NegativeOrZero");
    }
  }

  /** {@code @Pattern}: the whole string matches {@code pattern}. */
  public static void pattern(Object value, Pattern pattern, ValuePath parent, String name, Violations violations) {
    CharSequence text = text(value);
    if (text != null && !pattern.matcher(text).matches()) {
      violations.add(Violations.field(parent.toString(), name), "must match \"" + pattern.pattern() + "\"", "Pattern");
    }
  }

  /** {@code @Email}: a well-formed address, and when {@code extra} is given, matching it too. */
  public static void email(Object value, Pattern extra, ValuePath parent, String name, Violations violations) {
    CharSequence text = text(value);
    if (text != null && text.length() > 0
        && (!isEmail(text) || (extra != null && !extra.matcher(text).matches()))) {
      violations.add(Violations.field(parent.toString(), name), "must be a well-formed email address", "Email");
    }
  }

  private static Object unwrap(Object value) {
    return value instanceof Optional<?> optional ? optional.orElse(null) : value;
  }

  private static CharSequence text(Object value) {
    Object actual = unwrap(value);
    if (actual instanceof String string) {
      return string;
    }
    return actual instanceof CharSequence sequence ? sequence : null;
  }

  // The length or size, or -1 for a value that has none. Strings and the usual collections are told by
  // their class first: on JDK 17 an instanceof against an interface the class does not implement
  // scans all its interfaces, and one that it does implement is slow whenever the class's one-entry
  // cache holds another interface, which the checks and readers of one bind keep alternating.
  // A string of n UTF-16 units holds between n/2 and n code points: when that whole span is within
  // [min, max] the count is not needed, and n (inside the range too) stands for it.
  private static long characters(CharSequence text, int min, int max) {
    int length = text.length();
    if (length <= max && length >= 2L * min) {
      return length;
    }
    return Character.codePointCount(text, 0, length);
  }

  private static long size(Object value) {
    if (value == null) {
      return -1;
    }
    if (value instanceof String text) {
      return text.length();
    }
    Collection<?> collection = JsonValues.asCollection(value);
    if (collection != null) {
      return collection.size();
    }
    Map<?, ?> map = JsonValues.asMap(value);
    if (map != null) {
      return map.size();
    }
    if (value instanceof CharSequence text) {
      return text.length();
    }
    return -1;
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

  static boolean isEmail(CharSequence text) {
    int length = text.length();
    int index = 0;
    boolean atomStart = true;
    boolean sawAt = false;
    while (index < length) {
      int c = Character.codePointAt(text, index);
      index += Character.charCount(c);
      if (c == '@') {
        if (atomStart) {
          return false;
        }
        sawAt = true;
        break;
      }
      if (c == '.') {
        if (atomStart) {
          return false;
        }
        atomStart = true;
      } else if (isLetterOrNumber(c) || LOCAL_SYMBOLS.indexOf(c) >= 0) {
        atomStart = false;
      } else {
        return false;
      }
    }
    if (!sawAt) {
      return false;
    }
    int labelLength = 0;
    int last = '.';
    while (index < length) {
      int c = Character.codePointAt(text, index);
      index += Character.charCount(c);
      if (c == '.') {
        if (labelLength == 0 || last == '-') {
          return false;
        }
        labelLength = 0;
      } else if (c == '-' ? labelLength > 0 : isLetterOrNumber(c)) {
        if (++labelLength > MAX_LABEL) {
          return false;
        }
      } else {
        return false;
      }
      last = c;
    }
    return labelLength > 0 && last != '-';
  }

  // \p{L} or \p{N}: a letter, or a decimal digit, letter number or other number.
  private static boolean isLetterOrNumber(int c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
