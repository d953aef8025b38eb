package io.synapse.plugins.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @PluginPipeline}.
 *
 * @param element the element carrying it (the plugin's package or a type)
 * @param mirror the annotation, where its errors go
 * @param name the pipeline name
 * @param title the title (defaults to the name)
 * @param description the description
 * @param actions the action names, in order
 * @param actionValues the annotation values of {@code actions}, one per name, for pointing errors at
 * @param params the initial params record, or null when the initial params are a map
 */
public record PipelineModel(
    Element element,
    AnnotationMirror mirror,
    String name,
    String title,
    String description,
    List<String> actions,
    List<AnnotationValue> actionValues,
    TypeElement params) {

  /** The qualified name of the element carrying it. */
  public String sourceName() {
    return element.toString();
  }
}
