package io.synapse.plugins.processor.validation;

import io.synapse.plugins.processor.Diagnostic;
import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.reading.Annotations;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The shape of an action class (public, concrete, static, constructible, well named) or function-based action method. */
public final class ActionValidator {
  private final Elements elements;
  private final Annotations annotations;

  public ActionValidator(Elements elements) {
    this.elements = elements;
    this.annotations = new Annotations(elements);
  }

  /** Checks the class (or the method of a function-based action) itself, whether or not it could be modelled. */
  public void validate(Element element, AnnotationMirror mirror, Report report) {
    String name = annotations.string(mirror, "name");
    if (!Names.CODE.matcher(name).matches()) {
      report.at(Diagnostic.InvalidActionName, element, mirror, Annotations.explicitValue(mirror, "name"),
          name, element.getSimpleName(), Names.codeHint(name, '-'));
    }
    if (element instanceof ExecutableElement method) {
      validateFunction(method, report);
      return;
    }
    TypeElement action = (TypeElement) element;
    if (action.getKind() != ElementKind.CLASS) {
      return;
    }
    if (!publicAllTheWay(action)) {
      report.add(Diagnostic.ActionNotPublic, action, action.getSimpleName());
    }
    if (action.getNestingKind().isNested() && !action.getModifiers().contains(Modifier.STATIC)) {
      report.add(Diagnostic.ActionNotStatic, action, action.getSimpleName());
    }
    if (action.getModifiers().contains(Modifier.ABSTRACT)) {
      report.add(Diagnostic.ActionAbstract, action, action.getSimpleName());
    }
    if (!hasPublicNoArgConstructor(action, elements)) {
      report.add(Diagnostic.ActionNoDefaultConstructor, action, action.getSimpleName());
    }
  }

  // A function-based action: a public static method of a class the generated descriptor can call.
  private static void validateFunction(ExecutableElement method, Report report) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String display = owner.getSimpleName() + "." + method.getSimpleName();
    report.add(Diagnostic.FunctionActionDeprecated, method, display);
    if (!method.getModifiers().contains(Modifier.PUBLIC) || !publicAllTheWay(owner)) {
      report.add(Diagnostic.ActionNotPublic, method, display);
    }
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      report.add(Diagnostic.FunctionActionNotStatic, method, display);
    }
    if (owner.getNestingKind().isNested() && !owner.getModifiers().contains(Modifier.STATIC)) {
      report.add(Diagnostic.ActionNotStatic, owner, owner.getSimpleName());
    }
  }

  /** Checks that the generated descriptor and facade can name the action's params and result records. */
  public void validateTypes(ActionModel action, String pluginPackage, Report report) {
    String actionPackage = action.actionClass().packageName();
    checkAccessible(action.params(), action, actionPackage, pluginPackage, report);
    if (action.result() instanceof FieldType.RecordType result) {
      checkAccessible(result, action, actionPackage, pluginPackage, report);
    }
  }

  private void checkAccessible(FieldType.RecordType type, ActionModel action, String actionPackage, String pluginPackage,
      Report report) {
    TypeElement record = elements.getTypeElement(type.qualifiedName());
    if (record == null) {
      return;
    }
    for (String pkg : pluginPackage == null ? List.of(actionPackage) : List.of(actionPackage, pluginPackage)) {
      if (!Accessibility.accessible(record, pkg, elements)) {
        report.add(Diagnostic.ParamsNotAccessible, action.element(), type.qualifiedName(), pkg);
        return;
      }
    }
  }

  private static boolean publicAllTheWay(TypeElement type) {
    for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  /** An implicit constructor has the class's access, which {@code ActionNotPublic} already reports. */
  private static boolean hasPublicNoArgConstructor(TypeElement type, Elements elements) {
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.CONSTRUCTOR
          && ((ExecutableElement) member).getParameters().isEmpty()
          && (member.getModifiers().contains(Modifier.PUBLIC) || elements.getOrigin(member) == Elements.Origin.MANDATED)) {
        return true;
      }
    }
    return false;
  }
}
