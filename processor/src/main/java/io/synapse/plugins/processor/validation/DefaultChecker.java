package io.synapse.plugins.processor.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.synapse.plugins.names.Suggestions;
import io.synapse.plugins.processor.model.Constraint;
import io.synapse.plugins.processor.model.DefaultJson;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.model.ScalarKind;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@code @Default} at compile time the way the generated binder will read it: it must parse,
 * fit the component's type, and satisfy the component's own constraints.
 */
public final class DefaultChecker {

  /** What is wrong with a default: a misfit ({@code constraint} false) or a broken constraint. */
  public record Problem(boolean constraint, String message) {}

  // The same pragmatic address check as the runtime's Checks.email.
  private static final Pattern EMAIL = Pattern.compile(
      "^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)*$");

  // What the runtime's readers refuse, which a default must not be either (DefaultCheckerParityTest holds
  // the two together): integers of more digits (Readers.MAX_INTEGER_DIGITS), and number texts longer
  // than the readers parse (the binder passes a number default as its text).
  static final int MAX_INTEGER_DIGITS = 1000;
  static final int MAX_NUMBER_TEXT = 400;

  private final Map<String, RecordModel> records;

  /** @param records every record read, by qualified name, to check defaults of record type */
  public DefaultChecker(Map<String, RecordModel> records) {
    this.records = records;
  }

  /** The problem with {@code field}'s default, or null when it is fine (or there is none). */
  public Problem check(ParamField field) {
    if (field.defaultValue().isEmpty()) {
      return null;
    }
    String text = field.defaultValue().get().text();
    FieldType inner = field.type().unwrapOptional();
    if (inner instanceof FieldType.Scalar scalar && scalar.kind().isNumber() && text.trim().length() > MAX_NUMBER_TEXT) {
      return new Problem(false, "a number of more than " + MAX_NUMBER_TEXT + " characters is not read");
    }
    JsonNode value;
    try {
      value = DefaultJson.parse(field.type(), text);
    } catch (IllegalArgumentException e) {
      return new Problem(false, e.getMessage());
    }
    return checkValue(field.type(), field.constraints(), value, "", 0);
  }

  private Problem checkValue(FieldType type, List<Constraint> constraints, JsonNode value, String path, int depth) {
    Problem misfit = fit(type.unwrapOptional(), value, path, depth);
    if (misfit != null) {
      return misfit;
    }
    for (Constraint constraint : constraints) {
      String broken = broken(constraint, value);
      if (broken != null) {
        return new Problem(true, (path.isEmpty() ? "" : path + " ") + broken + " (@" + constraint.simpleName() + ")");
      }
    }
    return null;
  }

  private Problem fit(FieldType type, JsonNode value, String path, int depth) {
    String where = path.isEmpty() ? "" : path + ": ";
    if (value.isNull()) {
      return new Problem(false, where + "null is not allowed here");
    }
    if (type instanceof FieldType.Scalar scalar) {
      String message = scalar(scalar.kind(), value);
      return message == null ? null : new Problem(false, where + message);
    }
    if (type instanceof FieldType.EnumType enumType) {
      if (!value.isTextual()) {
        return new Problem(false, where + "expected one of " + String.join(", ", enumType.wireValues()));
      }
      if (DefaultJson.constantOf(enumType, value.asText()) != null) {
        return null;
      }
      return new Problem(false, where + "'" + value.asText() + "' is not one of " + String.join(", ", enumType.wireValues())
          + Suggestions.didYouMean(value.asText(), enumType.wireValues()));
    }
    if (type instanceof FieldType.ListType || type instanceof FieldType.SetType) {
      FieldType element = type instanceof FieldType.ListType list ? list.element() : ((FieldType.SetType) type).element();
      if (!value.isArray()) {
        return new Problem(false, where + "expected a JSON array, not " + kind(value));
      }
      for (int i = 0; i < value.size(); i++) {
        Problem problem = fit(element.unwrapOptional(), value.get(i), path + "[" + i + "]", depth + 1);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (type instanceof FieldType.MapType map) {
      if (!value.isObject()) {
        return new Problem(false, where + "expected a JSON object, not " + kind(value));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        Problem problem = fit(map.value().unwrapOptional(), entry.getValue(), join(path, entry.getKey()), depth + 1);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (type instanceof FieldType.RecordType recordType) {
      return fitRecord(recordType, value, path, depth);
    }
    return new Problem(false, where + "a default is not supported for " + type.display());
  }

  private Problem fitRecord(FieldType.RecordType type, JsonNode value, String path, int depth) {
    String where = path.isEmpty() ? "" : path + ": ";
    if (!value.isObject()) {
      return new Problem(false, where + "expected a JSON object, not " + kind(value));
    }
    RecordModel record = records.get(type.qualifiedName());
    if (record == null || depth > 32) {
      return null;
    }
    List<String> names = new ArrayList<>();
    record.fields().forEach(f -> names.add(f.wireName()));
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      ParamField field = DefaultJson.fieldOf(record, key);
      if (field == null) {
        return new Problem(false, "unknown field '" + join(path, key) + "'" + Suggestions.didYouMean(key, names));
      }
      if (!key.equals(field.wireName()) && value.has(field.wireName())) {
        return new Problem(false, "field '" + join(path, field.wireName()) + "' is given twice, as '" + field.wireName()
            + "' and as '" + key + "'");
      }
    }
    for (ParamField field : record.fields()) {
      JsonNode fieldValue = value.has(field.wireName()) ? value.get(field.wireName()) : value.get(field.name());
      String fieldPath = join(path, field.wireName());
      if (fieldValue == null || fieldValue.isNull()) {
        if (field.required()) {
          return new Problem(false, "missing required field '" + fieldPath + "'");
        }
        continue;
      }
      Problem problem = checkValue(field.type(), field.constraints(), fieldValue, fieldPath, depth + 1);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String scalar(ScalarKind kind, JsonNode value) {
    switch (kind.family()) {
      case ANY:
        return null;
      case BOOLEAN:
        return value.isBoolean() ? null : "expected true or false, not " + kind(value);
      case INTEGRAL: {
        if (value.isNumber() && !value.isIntegralNumber() && tooManyDigits(value.decimalValue())) {
          return "out of range (more than " + MAX_INTEGER_DIGITS + " digits)";
        }
        BigInteger integer = integer(value);
        if (integer == null) {
          return "expected an integer, not " + kind(value);
        }
        long[] range = switch (kind) {
          case INT -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
          case LONG -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
          case SHORT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
          case BYTE -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
          default -> null;
        };
        if (range != null && (integer.compareTo(BigInteger.valueOf(range[0])) < 0 || integer.compareTo(BigInteger.valueOf(range[1])) > 0)) {
          return integer + " is out of range for " + kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + range[0] + " to " + range[1] + ")";
        }
        return null;
      }
      case DECIMAL:
        if (!value.isNumber()) {
          return "expected a number, not " + kind(value);
        }
        if (kind == ScalarKind.FLOAT && Float.isInfinite(value.decimalValue().floatValue())) {
          return "out of range for float";
        }
        if (kind == ScalarKind.DOUBLE && Double.isInfinite(value.decimalValue().doubleValue())) {
          return "out of range for double";
        }
        return null;
      case TEXT:
      default:
        if (!value.isTextual()) {
          return "expected a string, not " + kind(value);
        }
        return text(kind, value.asText());
    }
  }

  private static String text(ScalarKind kind, String text) {
    try {
      switch (kind) {
        case DURATION -> Duration.parse(text.trim());
        case INSTANT -> Instant.parse(text.trim());
        case LOCAL_DATE -> LocalDate.parse(text.trim());
        case URI -> new URI(text);
        case PATH -> Path.of(text);
        default -> {
          return null;
        }
      }
      return null;
    } catch (DateTimeParseException e) {
      return "'" + text + "' is not an ISO-8601 " + (kind == ScalarKind.DURATION ? "duration such as PT30S"
          : kind == ScalarKind.INSTANT ? "instant such as 2024-01-31T10:15:30Z" : "date such as 2024-01-31");
    } catch (URISyntaxException e) {
      return "'" + text + "' is not a valid URI: " + e.getReason();
    } catch (InvalidPathException e) {
      return "it is not a valid path: " + e.getReason();
    }
  }

  private static BigInteger integer(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue();
    }
    if (value.isNumber()) {
      // Stripped first, as the runtime does: 1e999999999 must not make a number of a billion digits.
      BigDecimal stripped = value.decimalValue().stripTrailingZeros();
      return stripped.scale() > 0 || tooManyDigits(stripped) ? null : stripped.toBigIntegerExact();
    }
    return null;
  }

  private static boolean tooManyDigits(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    return stripped.scale() <= 0 && (long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS;
  }

  /** What {@code value} breaks of {@code constraint}, or null. */
  static String broken(Constraint constraint, JsonNode value) {
    Long size = value.isTextual() ? (Long) (long) value.asText().codePointCount(0, value.asText().length())
        : value.isArray() || value.isObject() ? (Long) (long) value.size() : null;
    BigDecimal number = value.isNumber() ? value.decimalValue() : null;
    if (constraint instanceof Constraint.NotBlank) {
      return value.isTextual() && value.asText().isBlank() ? "must not be blank" : null;
    }
    if (constraint instanceof Constraint.NotEmpty) {
      return size != null && size == 0 ? "must not be empty" : null;
    }
    if (constraint instanceof Constraint.Size s) {
      return size != null && (size < s.min() || size > s.max()) ? "size " + size + " is not between " + s.min() + " and " + s.max() : null;
    }
    if (number == null) {
      if (value.isTextual() && constraint instanceof Constraint.Pattern p) {
        return Pattern.compile(p.regexp(), p.flagBits()).matcher(value.asText()).matches() ? null : "must match \"" + p.regexp() + "\"";
      }
      if (value.isTextual() && constraint instanceof Constraint.Email e) {
        String text = value.asText();
        boolean ok = text.isEmpty() || (EMAIL.matcher(text).matches()
            && (!e.hasExtraPattern() || Pattern.compile(e.regexp(), e.flagBits()).matcher(text).matches()));
        return ok ? null : "must be a well-formed email address";
      }
      return null;
    }
    if (constraint instanceof Constraint.Min m) {
      return number.compareTo(BigDecimal.valueOf(m.value())) < 0 ? "must be greater than or equal to " + m.value() : null;
    }
    if (constraint instanceof Constraint.Max m) {
      return number.compareTo(BigDecimal.valueOf(m.value())) > 0 ? "must be less than or equal to " + m.value() : null;
    }
    if (constraint instanceof Constraint.DecimalMin m) {
      int c = number.compareTo(new BigDecimal(m.value()));
      return c < 0 || (c == 0 && !m.inclusive()) ? "must be greater than " + (m.inclusive() ? "or equal to " : "") + m.value() : null;
    }
    if (constraint instanceof Constraint.DecimalMax m) {
      int c = number.compareTo(new BigDecimal(m.value()));
      return c > 0 || (c == 0 && !m.inclusive()) ? "must be less than " + (m.inclusive() ? "or equal to " : "") + m.value() : null;
    }
    if (constraint instanceof Constraint.Positive) {
      return number.signum() <= 0 ? "must be greater than 0" : null;
    }
    if (constraint instanceof Constraint.PositiveOrZero) {
      return number.signum() < 0 ? "must be greater than or equal to 0" : null;
    }
    if (constraint instanceof Constraint.Negative) {
      return number.signum() >= 0 ? "must be less than 0" : null;
    }
    if (constraint instanceof Constraint.NegativeOrZero) {
      return number.signum() > 0 ? "must be less than or equal to 0" : null;
    }
    return null;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String kind(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return "null";
  }
}
