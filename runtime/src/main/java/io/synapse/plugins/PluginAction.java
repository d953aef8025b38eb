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
 *
 * <p><b>Function-based actions (deprecated).</b> Like the seeds' {@code @action} decorator, the
 * annotation may also sit on a public static method {@code R name(P params, RuntimeContext ctx)} of a
 * public class, where {@code P} is the params record and {@code R} the result type ({@code void} for
 * none). It runs through the same kind of generated descriptor ({@code <Class>_<method>_Descriptor}) in
 * every mode. As in the seeds, this form is deprecated and will be removed: the processor warns
 * ({@code [Synapse/FunctionActionDeprecated]}); write a class extending {@code BaseAction} instead. A
 * function action has no class of its own, so it cannot be run by class
 * ({@code RunOptions.actionClass}, {@code Executor.execute(Class, Map)}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PluginAction {

  /** The action name used by {@code runPlugin}: matches {@code [a-z][a-z0-9_\-]*}. */
  String name();

  /** The human-readable title (config.yaml's {@code name}); empty means the action name. */
  String title() default "";

  /** What the action does; empty means the first sentence of the class's (or method's) Javadoc. */
  String description() default "";

  /**
   * How the Synapse platform runs the action, recorded as config.yaml's {@code method} (job, task,
   * serve or restapi; task by default). Where this runtime runs it is the caller's choice of
   * {@link ExecutionMode}, not part of the action.
   */
  RunMethod method() default RunMethod.TASK;

  /**
   * The action's category; empty (the default) means the plugin's category. An array only so that
   * "not given" can be told apart: give at most one value, e.g. {@code category = PluginCategory.EXPORT}.
   */
  PluginCategory[] category() default {};

  /** The semantic input type (e.g. {@code yolo_dataset}); empty when none (config.yaml then leaves it out). */
  String inputType() default "";

  /** The semantic output type (e.g. {@code model_weights}); empty when none (config.yaml then leaves it out). */
  String outputType() default "";
}
