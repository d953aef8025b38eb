package io.synapse.plugins.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synapse.plugins.errors.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChecksTest {
  private static List<String> constraints(Consumer<Violations> check) {
    Violations violations = new Violations();
    check.accept(violations);
    return violations.list().stream().map(Violation::constraint).toList();
  }

  @Test
  void eachCheckFiresOnlyOnItsViolation() {
    assertEquals(List.of("NotBlank"), constraints(v -> Checks.notBlank("  ", ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.notBlank("x", ValuePath.ROOT, "f", v)));
    assertEquals(List.of("NotEmpty"), constraints(v -> Checks.notEmpty(List.of(), ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Size"), constraints(v -> Checks.size("abcd", 1, 3, ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.size(List.of(1, 2), 1, 3, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Min"), constraints(v -> Checks.min(0, 1, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Max"), constraints(v -> Checks.max(new BigDecimal("10.5"), 10, ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.max(10L, 10, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("DecimalMin"), constraints(v -> Checks.decimalMin(0.5, "0.5", false, ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.decimalMin(0.5, "0.5", true, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("DecimalMax"), constraints(v -> Checks.decimalMax(1.01, "1", true, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Positive"), constraints(v -> Checks.positive(0, ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.positiveOrZero(0.0, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Negative"), constraints(v -> Checks.negative(0, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("NegativeOrZero"), constraints(v -> Checks.negativeOrZero(1, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Pattern"), constraints(v -> Checks.pattern("abc1", Pattern.compile("[a-z]+"), ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Email"), constraints(v -> Checks.email("not-an-email", null, ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.email("a.b@example.com", null, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Email"), constraints(v -> Checks.email("a@example.org", Pattern.compile(".*\\.com"), ValuePath.ROOT, "f", v)));
  }

  @Test
  void checksSkipAbsentValuesAndLookInsideOptionals() {
    assertEquals(List.of(), constraints(v -> Checks.min(null, 1, ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.notBlank(null, ValuePath.ROOT, "f", v)));
    assertEquals(List.of("Min"), constraints(v -> Checks.min(Optional.of(0), 1, ValuePath.ROOT, "f", v)));
    assertEquals(List.of(), constraints(v -> Checks.min(Optional.empty(), 1, ValuePath.ROOT, "f", v)));
  }

  @Test
  void messagesNeverQuoteTheValue() {
    Violations violations = new Violations();
    Checks.pattern("s3cr3t-value", Pattern.compile("[a-z]+"), ValuePath.ROOT, "apiKey", violations);
    Checks.size("s3cr3t-value", 1, 3, ValuePath.ROOT, "apiKey", violations);
    violations.list().forEach(v -> assertEquals(false, v.message().contains("s3cr3t"), v.message()));
  }

  @Test
  void exactDoubleBoundsDecideAsTheDecimalChecksDo() {
    // Doubles near the bounds, integers (small and beyond 2^53), -0.0, and other number types.
    List<Object> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 1.0, 0.5, 0.49999999999999994, 0.5000000000000001,
        1e-300, -1e-300, 100.25, 100.24999999999999, 2, -3L, 1L << 54, (1L << 53) + 1, Long.MIN_VALUE, Long.MAX_VALUE,
        1.5f, new BigDecimal("0.50000000000000000001"), java.math.BigInteger.TEN.pow(30), (short) 1, (byte) -1));
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 2000; i++) {
      values.add(random.nextGaussian() * 200);
      values.add((double) random.nextInt(400) / 4 - 50);
    }
    for (String bound : List.of("0", "1", "0.5", "100.25", "-50", "9007199254740992", "1e20")) {
      double exact = Double.parseDouble(bound);
      for (boolean inclusive : List.of(true, false)) {
        for (Object value : values) {
          assertEquals(constraints(v -> Checks.decimalMin(value, bound, inclusive, ValuePath.ROOT, "f", v)),
              constraints(v -> Checks.decimalMin(value, bound, exact, inclusive, ValuePath.ROOT, "f", v)), "min " + bound + " " + value);
          assertEquals(constraints(v -> Checks.decimalMax(value, bound, inclusive, ValuePath.ROOT, "f", v)),
              constraints(v -> Checks.decimalMax(value, bound, exact, inclusive, ValuePath.ROOT, "f", v)), "max " + bound + " " + value);
        }
      }
    }
  }

  @Test
  void violationsNameTheComponentInsideItsParent() {
    Violations violations = new Violations();
    Checks.notBlank(" ", ValuePath.of("items[3]"), "id", violations);
    Checks.min(0, 1, ValuePath.ROOT, "epochs", violations);
    assertEquals(List.of("items[3].id", "epochs"), violations.list().stream().map(Violation::path).toList());
  }

  // The address regex the hand-written scanner replaced.
  private static final Pattern EMAIL_REGEX = Pattern.compile(
      "^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)*$");

  @Test
  void emailScannerAcceptsWhatTheRegexAccepts() {
    List<String> pieces = List.of("a", "Z", "0", "\u00e9", "\u0661", "\u2163", "\u00bd", "\ud835\udd18", "\ud83d\ude00",
        "\ud800", ".", ".", "@", "@", "-", "-", "_", "+", "!", "~", " ", "\n", "(", "\"", "x".repeat(61), "y".repeat(62),
        "ab", "example", "com", "\u00a0", "\u0301");
    java.util.Random random = new java.util.Random(42);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(9);
      for (int j = 0; j < count; j++) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      // Half the cases are shaped like addresses, so that acceptance is tested too.
      if (random.nextBoolean()) {
        text.insert(random.nextInt(text.length() + 1), "u@d");
      }
      String candidate = text.toString();
      boolean expected = EMAIL_REGEX.matcher(candidate).matches();
      assertEquals(expected, Checks.isEmail(candidate), () -> "'" + candidate + "'");
      accepted += expected ? 1 : 0;
    }
    assertEquals(true, accepted > 20_000, "accepted " + accepted);
    for (String address : List.of("a@b", "first.last@sub.example.com", "x@" + "a".repeat(63) + ".com", "\u00fc@\u00e9.de")) {
      assertEquals(true, Checks.isEmail(address), address);
    }
    for (String address : List.of("", "@", "a@", "@b", "a@b.", "a.@b", ".a@b", "a..b@c", "a@-b", "a@b-", "a@b..c",
        "a@" + "a".repeat(64) + ".com", "a@b@c", "a b@c", "a@b_c")) {
      assertEquals(false, Checks.isEmail(address), address);
    }
  }
}
