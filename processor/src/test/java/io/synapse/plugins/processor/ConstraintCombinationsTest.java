package io.synapse.plugins.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.synapse.plugins.processor.NegativeTest.action;
import static io.synapse.plugins.processor.NegativeTest.assertError;
import static io.synapse.plugins.processor.TestCompiler.compile;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Constraints no value can satisfy together, and defaults outside their own constraints: a compile
 * error each, with {@code [Synapse/UnsatisfiableConstraints]} (or {@code DefaultViolatesConstraint}) on
 * the component. Satisfiable neighbours of each case compile.
 */
class ConstraintCombinationsTest {

  /** A component declaration and the text the error must hold. */
  static List<Map.Entry<String, String>> unsatisfiable() {
    return List.of(
        Map.entry("@Min(10) @Max(5) int value", "@Min(10) and @Max(5) leave no value between them"),
        Map.entry("@Positive @Max(0) int value", "@Positive and @Max(0) leave no value between them"),
        Map.entry("@Positive @Max(-3) long value", "@Positive and @Max(-3) leave no value between them"),
        Map.entry("@PositiveOrZero @Max(-1) Integer value", "@PositiveOrZero and @Max(-1)"),
        Map.entry("@Negative @Min(0) int value", "@Min(0) and @Negative leave no value between them"),
        Map.entry("@NegativeOrZero @Min(1) short value", "@Min(1) and @NegativeOrZero"),
        Map.entry("@Positive @Negative double value", "@Positive and @Negative"),
        Map.entry("@DecimalMin(\"2.5\") @DecimalMax(\"1.5\") double value", "@DecimalMin(\"2.5\") and @DecimalMax(\"1.5\")"),
        Map.entry("@DecimalMin(\"5\") @DecimalMax(value = \"5\", inclusive = false) java.math.BigDecimal value",
            "@DecimalMin(\"5\") and @DecimalMax(value = \"5\", inclusive = false)"),
        Map.entry("@DecimalMin(value = \"5\", inclusive = false) @DecimalMax(\"5\") float value", "leave no value between them"),
        Map.entry("@DecimalMin(\"0.2\") @DecimalMax(\"0.8\") int value", "leave no whole number between them"),
        Map.entry("@DecimalMin(value = \"1\", inclusive = false) @DecimalMax(value = \"2\", inclusive = false) long value",
            "leave no whole number between them"),
        Map.entry("@Positive @DecimalMax(value = \"1\", inclusive = false) java.math.BigInteger value",
            "leave no whole number between them"),
        Map.entry("@Min(300) byte value", "@Min(300) leaves no byte (one is at most 127)"),
        Map.entry("@Max(-40000) short value", "@Max(-40000) leaves no short (one is at least -32768)"),
        Map.entry("@DecimalMin(\"2147483647.5\") int value", "leaves no int"),
        Map.entry("@NotEmpty @Size(max = 0) String value", "@NotEmpty and @Size(max = 0) leave no value"),
        Map.entry("@NotBlank @Size(max = 0) String value", "@NotBlank and @Size(max = 0) leave no value"),
        Map.entry("@NotEmpty @Size(max = 0) java.util.List<String> value", "@NotEmpty and @Size(max = 0)"),
        Map.entry("@NotEmpty @Size(max = 0) java.util.Map<String, String> value", "@NotEmpty and @Size(max = 0)"),
        Map.entry("@NotBlank @Email @Size(max = 2) String value", "the shortest address, a@b, has 3 characters"),
        Map.entry("@Min(5) @Max(1) java.util.Optional<Integer> value", "@Min(5) and @Max(1)"));
  }

  @ParameterizedTest
  @MethodSource("unsatisfiable")
  void noValueCanSatisfy(Map.Entry<String, String> component) {
    JavaFileObject p = action("P", "@Params", "public record P(" + component.getKey() + ") {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.UnsatisfiableConstraints, p, "value");
    assertThat(c).hadErrorContaining("component 'value' of type");
    assertThat(c).hadErrorContaining(component.getValue());
    assertThat(c).hadErrorCount(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "@Min(5) @Max(5) int value",
      "@Positive @Max(1) int value",
      "@Negative @Max(-1) @Min(-1) int value",
      "@PositiveOrZero @Max(0) int value",
      "@NegativeOrZero @Min(0) int value",
      "@DecimalMin(\"0.2\") @DecimalMax(\"0.8\") double value",
      "@DecimalMin(\"0.5\") @DecimalMax(\"1.5\") int value",
      "@DecimalMin(value = \"5\", inclusive = false) @DecimalMax(\"6\") long value",
      "@Min(127) byte value",
      "@Max(-32768) short value",
      "@Positive @DecimalMax(\"1\") java.math.BigInteger value",
      "@NotEmpty @Size(max = 1) String value",
      "@Email @Size(max = 0) String value",
      "@NotBlank @Email @Size(max = 3) String value",
      "@Size(max = 0) java.util.List<String> value",
      "@Default(\"\\uD83D\\uDE00\\uD83D\\uDE00\") @Size(max = 2) String value"})
  void satisfiableNeighboursCompile(String component) {
    Compilation c = compile(action("P", "@Params", "public record P(" + component + ") {}"));
    assertThat(c).succeeded();
  }

  /** A default that breaks its own constraints: the whole family. */
  @ParameterizedTest
  @ValueSource(strings = {
      "@Default(\"0\") @Min(1) int value",
      "@Default(\"11\") @Max(10) int value",
      "@Default(\"0\") @Positive int value",
      "@Default(\"-1\") @PositiveOrZero long value",
      "@Default(\"0\") @Negative int value",
      "@Default(\"0.5\") @DecimalMax(value = \"0.5\", inclusive = false) double value",
      "@Default(\"0.1\") @DecimalMin(\"0.2\") double value",
      "@Default(\"abc\") @Size(max = 2) String value",
      "@Default(\"[1, 2, 3]\") @Size(max = 2) java.util.List<Integer> value",
      "@Default(\"\") @NotEmpty String value",
      "@Default(\"  \") @NotBlank String value",
      "@Default(\"Abc\") @Pattern(regexp = \"[a-z]+\") String value",
      "@Default(\"not an address\") @Email String value"})
  void defaultOutsideItsConstraints(String component) {
    JavaFileObject p = action("P", "@Params", "public record P(" + component + ") {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.DefaultViolatesConstraint, p, "value");
    assertThat(c).hadErrorCount(1);
  }
}
