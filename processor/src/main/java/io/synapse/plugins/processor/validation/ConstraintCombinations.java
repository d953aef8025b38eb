package io.synapse.plugins.processor.validation;

import io.synapse.plugins.processor.model.Constraint;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.ScalarKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Finds constraints of one component that no value can satisfy together: numeric bounds that leave an
 * empty range ({@code @Min(10) @Max(5)}, {@code @Positive @Max(0)}, {@code @Negative @Min(0)},
 * {@code @DecimalMin("5") @DecimalMax(value = "5", inclusive = false)}), bounds outside the type's range
 * ({@code @Min(300)} on a {@code byte}), bounds with no whole number between them on an integer type,
 * and lengths that leave none ({@code @NotEmpty} or {@code @NotBlank} with {@code @Size(max = 0)}, a
 * required non-empty {@code @Email} shorter than {@code a@b}). Each constraint is assumed valid on its
 * own (see {@code RecordValidator}).
 */
final class ConstraintCombinations {
  private ConstraintCombinations() {}

  /**
   * What leaves {@code field} no value, and the constraint to point at.
   *
   * @param message why, e.g. {@code @Min(10) and @Max(5) leave no value between them}
   * @param at the constraint the message is reported on
   */
  record Conflict(String message, Constraint at) {}

  /** A bound of a range: its value, whether the value itself is in, and the constraint it comes from. */
  private record Bound(BigDecimal value, boolean inclusive, Constraint source) {}

  /** The conflict among {@code field}'s constraints, or null when some value satisfies them all. */
  static Conflict of(ParamField field) {
    FieldType target = field.type().unwrapOptional();
    if (target instanceof FieldType.Scalar scalar && scalar.kind().isNumber()) {
      return numeric(scalar.kind(), field.constraints());
    }
    return length(target, field.constraints());
  }

  private static Conflict numeric(ScalarKind kind, List<Constraint> constraints) {
    Bound lower = null;
    Bound upper = null;
    for (Constraint constraint : constraints) {
      Bound low = lowerBound(constraint);
      Bound high = upperBound(constraint);
      if (low != null && (lower == null || tighterLower(low, lower))) {
        lower = low;
      }
      if (high != null && (upper == null || tighterUpper(high, upper))) {
        upper = high;
      }
    }
    if (lower != null && upper != null) {
      int order = lower.value().compareTo(upper.value());
      if (order > 0 || (order == 0 && !(lower.inclusive() && upper.inclusive()))) {
        return new Conflict(describe(lower.source()) + " and " + describe(upper.source()) + " leave no value between them",
            upper.source());
      }
    }
    long[] range = integralRange(kind);
    if (range == null && kind != ScalarKind.BIG_INTEGER) {
      return null;
    }
    // Integers: the smallest and largest whole numbers the bounds allow, within the type's range.
    BigInteger least = range == null ? null : BigInteger.valueOf(range[0]);
    BigInteger most = range == null ? null : BigInteger.valueOf(range[1]);
    if (lower != null) {
      BigInteger ceiling = lower.value().setScale(0, RoundingMode.CEILING).toBigIntegerExact();
      if (!lower.inclusive() && new BigDecimal(ceiling).compareTo(lower.value()) == 0) {
        ceiling = ceiling.add(BigInteger.ONE);
      }
      if (most != null && ceiling.compareTo(most) > 0) {
        return new Conflict(describe(lower.source()) + " leaves no " + typeName(kind) + " (one is at most " + most + ")",
            lower.source());
      }
      least = least == null || ceiling.compareTo(least) > 0 ? ceiling : least;
    }
    if (upper != null) {
      BigInteger floor = upper.value().setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
      if (!upper.inclusive() && new BigDecimal(floor).compareTo(upper.value()) == 0) {
        floor = floor.subtract(BigInteger.ONE);
      }
      if (range != null && floor.compareTo(BigInteger.valueOf(range[0])) < 0) {
        return new Conflict(describe(upper.source()) + " leaves no " + typeName(kind) + " (one is at least " + range[0] + ")",
            upper.source());
      }
      most = most == null || floor.compareTo(most) < 0 ? floor : most;
    }
    if (lower != null && upper != null && least.compareTo(most) > 0) {
      return new Conflict(describe(lower.source()) + " and " + describe(upper.source())
          + " leave no whole number between them, and " + typeName(kind) + " holds only whole numbers", upper.source());
    }
    return null;
  }

  private static Conflict length(FieldType target, List<Constraint> constraints) {
    Constraint atLeastOne = null;
    Constraint.Size size = null;
    Constraint.Email email = null;
    for (Constraint constraint : constraints) {
      if (constraint instanceof Constraint.NotEmpty || constraint instanceof Constraint.NotBlank) {
        atLeastOne = atLeastOne == null ? constraint : atLeastOne;
      } else if (constraint instanceof Constraint.Size s) {
        size = s;
      } else if (constraint instanceof Constraint.Email e) {
        email = e;
      }
    }
    if (size == null) {
      return null;
    }
    if (atLeastOne != null && size.max() < 1) {
      return new Conflict(describe(atLeastOne) + " and " + describe(size) + " leave no value: it must be empty and not", size);
    }
    boolean string = target instanceof FieldType.Scalar scalar && scalar.kind() == ScalarKind.STRING;
    if (string && email != null && atLeastOne != null && size.max() < 3) {
      return new Conflict(describe(atLeastOne) + ", @Email and " + describe(size)
          + " leave no value: the shortest address, a@b, has 3 characters", size);
    }
    return null;
  }

  private static Bound lowerBound(Constraint constraint) {
    if (constraint instanceof Constraint.Min min) {
      return new Bound(BigDecimal.valueOf(min.value()), true, constraint);
    }
    if (constraint instanceof Constraint.DecimalMin min) {
      return new Bound(new BigDecimal(min.value().trim()), min.inclusive(), constraint);
    }
    if (constraint instanceof Constraint.Positive) {
      return new Bound(BigDecimal.ZERO, false, constraint);
    }
    if (constraint instanceof Constraint.PositiveOrZero) {
      return new Bound(BigDecimal.ZERO, true, constraint);
    }
    return null;
  }

  private static Bound upperBound(Constraint constraint) {
    if (constraint instanceof Constraint.Max max) {
      return new Bound(BigDecimal.valueOf(max.value()), true, constraint);
    }
    if (constraint instanceof Constraint.DecimalMax max) {
      return new Bound(new BigDecimal(max.value().trim()), max.inclusive(), constraint);
    }
    if (constraint instanceof Constraint.Negative) {
      return new Bound(BigDecimal.ZERO, false, constraint);
    }
    if (constraint instanceof Constraint.NegativeOrZero) {
      return new Bound(BigDecimal.ZERO, true, constraint);
    }
    return null;
  }

  private static boolean tighterLower(Bound candidate, Bound current) {
    int order = candidate.value().compareTo(current.value());
    return order > 0 || (order == 0 && !candidate.inclusive() && current.inclusive());
  }

  private static boolean tighterUpper(Bound candidate, Bound current) {
    int order = candidate.value().compareTo(current.value());
    return order < 0 || (order == 0 && !candidate.inclusive() && current.inclusive());
  }

  private static long[] integralRange(ScalarKind kind) {
    return switch (kind) {
      case INT -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case LONG -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      case SHORT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case BYTE -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      default -> null;
    };
  }

  private static String typeName(ScalarKind kind) {
    return kind == ScalarKind.BIG_INTEGER ? "BigInteger" : kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A constraint as written: {@code @Min(10)}, {@code @DecimalMax(value = "1", inclusive = false)}, {@code @Size(max = 0)}. */
  static String describe(Constraint constraint) {
    if (constraint instanceof Constraint.Min min) {
      return "@Min(" + min.value() + ")";
    }
    if (constraint instanceof Constraint.Max max) {
      return "@Max(" + max.value() + ")";
    }
    if (constraint instanceof Constraint.DecimalMin min) {
      return min.inclusive() ? "@DecimalMin(\"" + min.value() + "\")" : "@DecimalMin(value = \"" + min.value() + "\", inclusive = false)";
    }
    if (constraint instanceof Constraint.DecimalMax max) {
      return max.inclusive() ? "@DecimalMax(\"" + max.value() + "\")" : "@DecimalMax(value = \"" + max.value() + "\", inclusive = false)";
    }
    if (constraint instanceof Constraint.Size size) {
      String min = size.min() == 0 ? "" : "min = " + size.min();
      String max = size.max() == Integer.MAX_VALUE ? "" : "max = " + size.max();
      return "@Size(" + min + (min.isEmpty() || max.isEmpty() ? "" : ", ") + max + ")";
    }
    return "@" + constraint.simpleName();
  }
}
