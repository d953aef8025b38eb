package io.synapse.plugins;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, concrete class extending {@link io.synapse.plugins.action.BaseAction} as an action
 * of the module's {@link Plugin}. The processor checks the class and its params record at compile time
 * and generates a descriptor ({@code <Action>_Descriptor}) that constructs it without reflection.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginAction {

  /** The action name used by {@code runPlugin}: matches {@code [a-z][a-z0-9_\-]*}. */
  String name();

  /** The human-readable title (config.yaml's {@code name}); empty means the action name. */
  String title() default "";

  /** What the action does; empty means the first sentence of the class Javadoc. */
  String description() default "";

  /** The execution method recorded in config.yaml (the mode the action is meant for). */
  ExecutionMode method() default ExecutionMode.TASK;

  /**
   * The action's category; empty (the default) means the plugin's category. An array only so that
   * "not given" can be told apart: give at most one value, e.g. {@code category = PluginCategory.EXPORT}.
   */
  PluginCategory[] category() default {};

  /** The semantic input type (e.g. {@code yolo_dataset}); empty when none. */
  String inputType() default "";

  /** The semantic output type (e.g. {@code model_weights}); empty when none. */
  String outputType() default "";
}
