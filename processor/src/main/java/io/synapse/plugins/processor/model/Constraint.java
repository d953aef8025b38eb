package io.synapse.plugins.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** A jakarta constraint read from a params component; {@code mirror} is kept for error reporting. */
public sealed interface Constraint {

  /** The annotation it was read from. */
  AnnotationMirror mirror();

  /** The jakarta annotation's simple name, also the runtime violation's constraint name. */
  default String simpleName() {
    return getClass().getSimpleName();
  }

  /** {@code @NotNull}. */
  record NotNull(AnnotationMirror mirror) implements Constraint {}

  /** {@code @NotBlank}. */
  record NotBlank(AnnotationMirror mirror) implements Constraint {}

  /** {@code @NotEmpty}. */
  record NotEmpty(AnnotationMirror mirror) implements Constraint {}

  /** {@code @Size(min, max)}. */
  record Size(AnnotationMirror mirror, int min, int max) implements Constraint {}

  /** {@code @Min(value)}. */
  record Min(AnnotationMirror mirror, long value) implements Constraint {}

  /** {@code @Max(value)}. */
  record Max(AnnotationMirror mirror, long value) implements Constraint {}

  /** {@code @DecimalMin(value, inclusive)}. */
  record DecimalMin(AnnotationMirror mirror, String value, boolean inclusive) implements Constraint {}

  /** {@code @DecimalMax(value, inclusive)}. */
  record DecimalMax(AnnotationMirror mirror, String value, boolean inclusive) implements Constraint {}

  /** {@code @Positive}. */
  record Positive(AnnotationMirror mirror) implements Constraint {}

  /** {@code @PositiveOrZero}. */
  record PositiveOrZero(AnnotationMirror mirror) implements Constraint {}

  /** {@code @Negative}. */
  record Negative(AnnotationMirror mirror) implements Constraint {}

  /** {@code @NegativeOrZero}. */
  record NegativeOrZero(AnnotationMirror mirror) implements Constraint {}

  /**
   * {@code @Pattern(regexp, flags)}; {@code flags} are the names of {@code java.util.regex.Pattern}'s
   * flag constants and {@code flagBits} their combined value.
   */
  record Pattern(AnnotationMirror mirror, String regexp, List<String> flags, int flagBits) implements Constraint {}

  /** {@code @Email(regexp, flags)}; the regexp is {@code .*} when not given. */
  record Email(AnnotationMirror mirror, String regexp, List<String> flags, int flagBits) implements Constraint {
    /** Whether an extra regexp (beyond the well-formed address check) is given. */
    public boolean hasExtraPattern() {
      return !".*".equals(regexp) || flagBits != 0;
    }
  }

  /** A jakarta constraint the processor does not support (e.g. {@code @Future}). */
  record Unsupported(AnnotationMirror mirror, String name) implements Constraint {
    @Override
    public String simpleName() {
      return name;
    }
  }
}
