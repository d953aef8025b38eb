package io.synapse.plugins.processor.validation;

import io.synapse.plugins.processor.Diagnostic;
import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.model.Constraint;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.model.ScalarKind;
import io.synapse.plugins.processor.reading.Annotations;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Rules of one params or result record: accessible, constraints that apply, defaults that fit, secrets kept. */
public final class RecordValidator {
  private static final String SUPPORTED = "NotNull, NotBlank, NotEmpty, Size, Min, Max, DecimalMin, DecimalMax,"
      + " Positive, PositiveOrZero, Negative, NegativeOrZero, Pattern, Email";

  private final Elements elements;
  private final DefaultChecker defaults;

  public RecordValidator(Elements elements, Map<String, RecordModel> records) {
    this.elements = elements;
    this.defaults = new DefaultChecker(records);
  }

  /** Checks {@code record} (records reused from the class path are not checked). */
  public void validate(RecordModel record, Report report) {
    if (!record.generate()) {
      return;
    }
    String pkg = record.name().packageName();
    if (!Accessibility.accessible(record.element(), pkg, elements)) {
      report.add(Diagnostic.ParamsNotAccessible, record.element(), record.qualifiedName(), pkg);
    }
    for (ParamField field : record.fields()) {
      checkReachable(field, field.type(), pkg, report);
      boolean constraintsOk = true;
      for (Constraint constraint : field.constraints()) {
        constraintsOk &= checkConstraint(field, constraint, report);
      }
      if (constraintsOk) {
        ConstraintCombinations.Conflict conflict = ConstraintCombinations.of(field);
        if (conflict != null) {
          report.at(Diagnostic.UnsatisfiableConstraints, field.element(), conflict.at().mirror(), null,
              field.name(), field.type().display(), conflict.message());
          constraintsOk = false;
        }
      }
      if (constraintsOk) {
        DefaultChecker.Problem problem = defaults.check(field);
        if (problem != null) {
          var defaultValue = field.defaultValue().orElseThrow();
          if (problem.constraint()) {
            report.at(Diagnostic.DefaultViolatesConstraint, field.element(), defaultValue.mirror(), defaultValue.value(),
                defaultValue.text(), field.name(), problem.message());
          } else {
            report.at(Diagnostic.InvalidDefault, field.element(), defaultValue.mirror(), defaultValue.value(),
                defaultValue.text(), field.name(), field.type().display(), problem.message());
          }
        }
      }
      if (field.secret() && !record.declaresToString()) {
        report.add(Diagnostic.SecretInToString, field.element(), field.name(), record.element().getSimpleName());
      }
    }
  }

  private void checkReachable(ParamField field, FieldType type, String pkg, Report report) {
    String qualifiedName = null;
    if (type instanceof FieldType.RecordType record) {
      qualifiedName = record.qualifiedName();
    } else if (type instanceof FieldType.EnumType enumType) {
      qualifiedName = enumType.name().canonicalName();
    } else if (type instanceof FieldType.ListType list) {
      checkReachable(field, list.element(), pkg, report);
    } else if (type instanceof FieldType.SetType set) {
      checkReachable(field, set.element(), pkg, report);
    } else if (type instanceof FieldType.MapType map) {
      checkReachable(field, map.value(), pkg, report);
    } else if (type instanceof FieldType.OptionalType optional) {
      checkReachable(field, optional.content(), pkg, report);
    }
    if (qualifiedName != null) {
      TypeElement element = elements.getTypeElement(qualifiedName);
      if (element != null && !Accessibility.accessible(element, pkg, elements)) {
        report.add(Diagnostic.ParamsNotAccessible, field.element(), qualifiedName, pkg);
      }
    }
  }

  private boolean checkConstraint(ParamField field, Constraint constraint, Report report) {
    if (constraint instanceof Constraint.Unsupported) {
      report.at(Diagnostic.UnsupportedConstraint, field.element(), constraint.mirror(), null,
          constraint.simpleName(), field.name(), SUPPORTED);
      return false;
    }
    if (!applies(constraint, field.type())) {
      report.at(Diagnostic.ConstraintNotApplicable, field.element(), constraint.mirror(), null,
          constraint.simpleName(), field.name(), field.type().display());
      return false;
    }
    String invalid = invalidValue(constraint);
    if (invalid != null) {
      report.at(Diagnostic.InvalidConstraint, field.element(), constraint.mirror(), null,
          constraint.simpleName(), field.name(), invalid);
      return false;
    }
    String regexp = constraint instanceof Constraint.Pattern p ? p.regexp()
        : constraint instanceof Constraint.Email e ? e.regexp() : null;
    if (regexp != null) {
      int flags = constraint instanceof Constraint.Pattern p ? p.flagBits() : ((Constraint.Email) constraint).flagBits();
      try {
        Pattern.compile(regexp, flags);
      } catch (PatternSyntaxException e) {
        report.at(Diagnostic.InvalidPattern, field.element(), constraint.mirror(),
            Annotations.explicitValue(constraint.mirror(), "regexp"), constraint.simpleName(), field.name(),
            e.getDescription() + " near index " + e.getIndex() + " of \"" + regexp + "\"");
        return false;
      }
    }
    return true;
  }

  /** Whether {@code constraint} can apply to a component of {@code type} ({@code Optional}s by content). */
  static boolean applies(Constraint constraint, FieldType type) {
    FieldType target = type.unwrapOptional();
    boolean primitive = type instanceof FieldType.Scalar scalar && scalar.primitive();
    boolean string = target instanceof FieldType.Scalar s && s.kind() == ScalarKind.STRING;
    boolean sized = string || target instanceof FieldType.ListType || target instanceof FieldType.SetType
        || target instanceof FieldType.MapType;
    boolean number = target instanceof FieldType.Scalar s && s.kind().isNumber();
    if (constraint instanceof Constraint.NotNull) {
      return !primitive;
    }
    if (constraint instanceof Constraint.NotBlank || constraint instanceof Constraint.Pattern
        || constraint instanceof Constraint.Email) {
      return string;
    }
    if (constraint instanceof Constraint.NotEmpty || constraint instanceof Constraint.Size) {
      return sized;
    }
    return number;
  }

  private static String invalidValue(Constraint constraint) {
    if (constraint instanceof Constraint.Size size && (size.min() < 0 || size.max() < size.min())) {
      return "min " + size.min() + " and max " + size.max() + " do not make a range";
    }
    String decimal = constraint instanceof Constraint.DecimalMin m ? m.value()
        : constraint instanceof Constraint.DecimalMax m ? m.value() : null;
    if (decimal != null) {
      try {
        new BigDecimal(decimal.trim());
      } catch (NumberFormatException e) {
        return "'" + decimal + "' is not a decimal number";
      }
    }
    return null;
  }
}
