package io.synapse.plugins.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The module's plugin with everything generated for it.
 *
 * @param element the element carrying {@code @Plugin} (a package or a type)
 * @param mirror the {@code @Plugin} annotation
 * @param code the plugin code
 * @param name the human-readable name
 * @param version the version
 * @param category the {@code PluginCategory} constant name
 * @param description the description
 * @param packageName the plugin package
 * @param facadeName the facade's simple name
 * @param actions the actions, sorted by name
 * @param pipelines the declared pipelines, sorted by name
 */
public record PluginModel(
    Element element,
    AnnotationMirror mirror,
    String code,
    String name,
    String version,
    String category,
    String description,
    String packageName,
    String facadeName,
    List<ActionModel> actions,
    List<PipelineModel> pipelines) {

  /** The action called {@code actionName}, or null. */
  public ActionModel action(String actionName) {
    for (ActionModel action : actions) {
      if (action.name().equals(actionName)) {
        return action;
      }
    }
    return null;
  }

  /** The facade class. */
  public ClassName facade() {
    return ClassName.get(packageName, facadeName);
  }

  /** The registry class. */
  public ClassName registry() {
    return ClassName.get(packageName, facadeName + "Registry");
  }

  /** The qualified name of the element carrying {@code @Plugin}. */
  public String sourceName() {
    return element.toString();
  }
}
