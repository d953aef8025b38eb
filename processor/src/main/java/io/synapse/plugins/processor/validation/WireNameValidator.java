package io.synapse.plugins.processor.validation;

import io.synapse.plugins.processor.Diagnostic;
import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.reading.Annotations;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Wire names: a chosen {@code @WireName} must be one segment of a path, and no two components of a
 * record (no two constants of an enum) may answer to the same key, counting the Java names binding
 * takes too (for enums, constant names in any case).
 */
public final class WireNameValidator {
  private final Elements elements;
  private final Set<String> enumsChecked = new HashSet<>();

  public WireNameValidator(Elements elements) {
    this.elements = elements;
  }

  /** Checks the components of {@code record} and the enums they hold (records reused from the class path are not checked). */
  public void validate(RecordModel record, Report report) {
    if (!record.generate()) {
      return;
    }
    Map<String, ParamField> owners = new LinkedHashMap<>();
    Set<String> reported = new HashSet<>();
    for (ParamField field : record.fields()) {
      explicitName(field.element()).ifPresent(mirror -> {
        if (!Names.WIRE_NAME.matcher(field.wireName()).matches()) {
          report.at(Diagnostic.InvalidWireName, field.element(), mirror, Annotations.explicitValue(mirror, "value"),
              field.wireName(), "component '" + field.name() + "'");
        }
      });
      for (String key : field.wireName().equals(field.name()) ? List.of(field.name()) : List.of(field.wireName(), field.name())) {
        ParamField owner = owners.putIfAbsent(key, field);
        if (owner != null && owner != field && reported.add(owner.name() + "/" + field.name())) {
          String recordName = record.element().getSimpleName().toString();
          report.add(Diagnostic.DuplicateWireName, owner.element(), owner.name(), field.name(), recordName, key);
          report.add(Diagnostic.DuplicateWireName, field.element(), field.name(), owner.name(), recordName, key);
        }
      }
      enumsIn(field.type(), report);
    }
  }

  private void enumsIn(FieldType type, Report report) {
    FieldType inner = type.unwrapOptional();
    if (inner instanceof FieldType.ListType list) {
      enumsIn(list.element(), report);
    } else if (inner instanceof FieldType.SetType set) {
      enumsIn(set.element(), report);
    } else if (inner instanceof FieldType.MapType map) {
      enumsIn(map.value(), report);
    } else if (inner instanceof FieldType.EnumType enumType && enumsChecked.add(enumType.name() + enumType.wireValues().toString())) {
      validateEnum(enumType, report);
    }
  }

  // A value matches a constant by wire value (exactly), else by name in any case: every such key must
  // reach one constant.
  private void validateEnum(FieldType.EnumType type, Report report) {
    TypeElement element = elements.getTypeElement(type.name().canonicalName());
    Map<String, String> owners = new LinkedHashMap<>();
    for (int i = 0; i < type.constants().size(); i++) {
      String constant = type.constants().get(i);
      String wireValue = type.wireValues().get(i);
      Element constantElement = constantElement(element, constant);
      if (wireValue.isBlank() && constantElement != null) {
        explicitName(constantElement).ifPresent(mirror -> report.at(Diagnostic.InvalidWireName, constantElement, mirror,
            Annotations.explicitValue(mirror, "value"), wireValue, "enum constant " + constant));
      }
      Set<String> keys = new java.util.LinkedHashSet<>(List.of(wireValue.toLowerCase(Locale.ROOT), constant.toLowerCase(Locale.ROOT)));
      for (String key : keys) {
        String owner = owners.putIfAbsent(key, constant);
        if (owner != null && !owner.equals(constant)) {
          Element at = constantElement != null ? constantElement : element;
          report.add(Diagnostic.DuplicateEnumWireValue, at, owner, constant, type.display(), key);
        }
      }
    }
  }

  private static Element constantElement(TypeElement enumElement, String constant) {
    if (enumElement == null) {
      return null;
    }
    for (Element member : enumElement.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT && member.getSimpleName().contentEquals(constant)) {
        return member;
      }
    }
    return null;
  }

  private static Optional<AnnotationMirror> explicitName(Element element) {
    return Annotations.find(element, RuntimeTypes.WIRE_NAME.canonicalName());
  }
}
