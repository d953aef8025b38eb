package io.synapse.plugins.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One {@code @PluginAction} class, or static method (a function-based action).
 *
 * @param element the action class, or the method of a function-based action
 * @param mirror its {@code @PluginAction}
 * @param name the action name
 * @param title the title (defaults to the name)
 * @param description the description (defaults to the first Javadoc sentence)
 * @param method the {@code RunMethod} constant name
 * @param category the {@code PluginCategory} constant name, or null for the plugin's
 * @param inputType the semantic input type
 * @param outputType the semantic output type
 * @param entrypoint the action class's binary name ({@code <class>#<method>} for a function-based action)
 * @param actionClass the action class's name (the method's class for a function-based action)
 * @param functionName the method of a function-based action, null for an action class
 * @param params the params record type
 * @param result the result type
 * @param resultTypeText the result type as written in source (qualified)
 */
public record ActionModel(
    Element element,
    AnnotationMirror mirror,
    String name,
    String title,
    String description,
    String method,
    String category,
    String inputType,
    String outputType,
    String entrypoint,
    JavaName actionClass,
    String functionName,
    FieldType.RecordType params,
    FieldType result,
    String resultTypeText) {

  /** Whether it is a function-based action (a static method). */
  public boolean isFunction() {
    return functionName != null;
  }

  /** The generated descriptor's name: {@code <Action>_Descriptor}, or {@code <Class>_<method>_Descriptor}. */
  public JavaName descriptor() {
    return GeneratedNames.descriptor(actionClass, functionName);
  }

  /** The qualified name of the action class, or {@code <class>#<method>} for a function-based action. */
  public String sourceName() {
    return actionClass.canonicalName() + (isFunction() ? "#" + functionName : "");
  }

  /** The params record's binary name (its class name as the class loader knows it). */
  public String paramsBinaryName() {
    return params.name().reflectionName();
  }
}
