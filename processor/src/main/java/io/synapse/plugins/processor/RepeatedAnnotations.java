package io.synapse.plugins.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.tools.Diagnostic.Kind;

/**
 * Puts messages about a repeated annotation ({@code @PluginPipeline} twice on one element) on its source.
 * javac wraps repeated annotations in a container the source does not have, and its {@code Messager} then
 * finds no position for them and falls back on the element; this finds the annotation among the element's
 * source annotations by its place in the container, and the value by its member and index, through
 * {@link Trees}.
 */
final class RepeatedAnnotations {
  private final Trees trees;

  RepeatedAnnotations(Trees trees) {
    this.trees = trees;
  }

  /** Prints {@code message} on the source of {@code mirror} (and {@code value}); false when it is not a repeated one. */
  boolean print(Kind kind, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    if (trees == null || mirror == null || element.getAnnotationMirrors().contains(mirror)) {
      return false;
    }
    int index = indexInContainer(element, mirror);
    TreePath path = trees.getPath(element);
    if (index < 0 || path == null) {
      return false;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    List<? extends AnnotationTree> annotations = element instanceof PackageElement ? unit.getPackageAnnotations()
        : path.getLeaf() instanceof ClassTree type ? type.getModifiers().getAnnotations() : List.of();
    String simpleName = mirror.getAnnotationType().asElement().getSimpleName().toString();
    List<AnnotationTree> sameType = new ArrayList<>();
    for (AnnotationTree annotation : annotations) {
      String name = annotation.getAnnotationType().toString();
      if (name.equals(simpleName) || name.endsWith("." + simpleName)) {
        sameType.add(annotation);
      }
    }
    if (index >= sameType.size()) {
      return false;
    }
    AnnotationTree annotation = sameType.get(index);
    trees.printMessage(kind, message, valueTree(annotation, mirror, value), unit);
    return true;
  }

  private static int indexInContainer(Element element, AnnotationMirror mirror) {
    for (AnnotationMirror container : element.getAnnotationMirrors()) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : container.getElementValues().entrySet()) {
        if (entry.getValue().getValue() instanceof List<?> values) {
          for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof AnnotationValue item && item.getValue() == mirror) {
              return i;
            }
          }
        }
      }
    }
    return -1;
  }

  // The tree of member value `value` (an array's element too) of the annotation, else the annotation itself.
  private static Tree valueTree(AnnotationTree annotation, AnnotationMirror mirror, AnnotationValue value) {
    if (value == null) {
      return annotation;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      String member = entry.getKey().getSimpleName().toString();
      for (ExpressionTree argument : annotation.getArguments()) {
        if (argument instanceof AssignmentTree assignment && assignment.getVariable() instanceof IdentifierTree id
            && id.getName().contentEquals(member)) {
          if (entry.getValue() == value) {
            return assignment.getExpression();
          }
          if (entry.getValue().getValue() instanceof List<?> items && assignment.getExpression() instanceof NewArrayTree array) {
            for (int i = 0; i < items.size() && i < array.getInitializers().size(); i++) {
              if (items.get(i) == value) {
                return array.getInitializers().get(i);
              }
            }
          }
        }
      }
    }
    return annotation;
  }
}
