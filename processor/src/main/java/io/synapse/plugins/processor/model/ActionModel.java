package io.synapse.plugins.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @PluginAction} class.
 *
 * @param element the action class
 * @param mirror its {@code @PluginAction}
 * @param name the action name
 * @param title the title (defaults to the name)
 * @param description the description (defaults to the first Javadoc sentence)
 * @param method the {@code ExecutionMode} constant name
 * @param category the {@code PluginCategory} constant name, or null for the plugin's
 * @param inputType the semantic input type
 * @param outputType the semantic output type
 * @param entrypoint the action class's binary name
 * @param actionClass the action class's name
 * @param params the params record type
 * @param result the result type
 * @param resultTypeText the result type as written in source (qualified)
 */
public record ActionModel(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    String title,
    String description,
    String method,
    String category,
    String inputType,
    String outputType,
    String entrypoint,
    ClassName actionClass,
    FieldType.RecordType params,
    FieldType result,
    String resultTypeText) {

  /** The generated descriptor's name. */
  public ClassName descriptor() {
    return ClassName.get(actionClass.packageName(), String.join("_", actionClass.simpleNames()) + "_Descriptor");
  }

  /** The params record's binary name (its class name as the class loader knows it). */
  public String paramsBinaryName() {
    return params.name().reflectionName();
  }
}
