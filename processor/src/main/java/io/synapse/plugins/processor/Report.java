package io.synapse.plugins.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * The problems found in one attempt at processing, buffered: an attempt that meets a type not generated
 * yet is retried next round, and its messages are dropped instead of printed.
 */
public final class Report {

  /** One message, with the most precise place known. */
  public record Entry(Diagnostic diagnostic, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<Entry> unresolved = new ArrayList<>();

  /** Reports {@code diagnostic} on {@code element}. */
  public void add(Diagnostic diagnostic, Element element, Object... args) {
    at(diagnostic, element, null, null, args);
  }

  /** Reports {@code diagnostic} on an annotation (and value) of {@code element}. */
  public void at(Diagnostic diagnostic, Element element, AnnotationMirror mirror, AnnotationValue value, Object... args) {
    entries.add(new Entry(diagnostic, diagnostic.format(args), element, mirror, value));
  }

  /** Notes a type that does not resolve (yet): the attempt is deferred, or fails in the last round. */
  public void unresolved(Element element, Object type) {
    unresolved.add(new Entry(Diagnostic.UnresolvedType, Diagnostic.UnresolvedType.format(type, element), element, null, null));
  }

  /** Whether a type did not resolve. */
  public boolean hasUnresolved() {
    return !unresolved.isEmpty();
  }

  /** Whether any error (not warning), including unresolved types, was found. */
  public boolean hasErrors() {
    return hasUnresolved() || entries.stream().anyMatch(e -> e.diagnostic().kind() == javax.tools.Diagnostic.Kind.ERROR);
  }

  /** The messages found so far (without unresolved types). */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Prints every message; unresolved types only when {@code includeUnresolved}. */
  public void printTo(Messager messager, boolean includeUnresolved) {
    printTo(messager, includeUnresolved, null);
  }

  /**
   * Prints every message; unresolved types only when {@code includeUnresolved}. With {@code trees} (javac),
   * messages about a repeated annotation go to its own source rather than to the element.
   */
  public void printTo(Messager messager, boolean includeUnresolved, com.sun.source.util.Trees trees) {
    RepeatedAnnotations repeated = new RepeatedAnnotations(trees);
    List<Entry> all = new ArrayList<>(entries);
    if (includeUnresolved) {
      all.addAll(unresolved);
    }
    for (Entry entry : all) {
      Element element = positioned(entry.element());
      if (repeated.print(entry.diagnostic().kind(), entry.message(), element, entry.mirror(), entry.value())) {
        continue;
      }
      if (entry.value() != null) {
        messager.printMessage(entry.diagnostic().kind(), entry.message(), element, entry.mirror(), entry.value());
      } else if (entry.mirror() != null) {
        messager.printMessage(entry.diagnostic().kind(), entry.message(), element, entry.mirror());
      } else {
        messager.printMessage(entry.diagnostic().kind(), entry.message(), element);
      }
    }
  }

  /**
   * javac 17 gives messages on a record component no source position; the component's field is
   * declared by the same source (the record header), so messages go there.
   */
  private static Element positioned(Element element) {
    if (element == null || element.getKind() != ElementKind.RECORD_COMPONENT) {
      return element;
    }
    for (Element member : element.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(element.getSimpleName())) {
        return member;
      }
    }
    return element;
  }
}
