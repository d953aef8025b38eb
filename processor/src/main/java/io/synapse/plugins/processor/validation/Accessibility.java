package io.synapse.plugins.processor.validation;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Whether generated code in some package can name a type. */
final class Accessibility {
  private Accessibility() {}

  static boolean accessible(TypeElement type, String fromPackage, Elements elements) {
    boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(fromPackage);
    for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!samePackage && !e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }
}
