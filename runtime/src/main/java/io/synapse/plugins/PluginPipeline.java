package io.synapse.plugins;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a pipeline of the module's plugin, as the seeds declare one: a named list of actions run one
 * after another, each action's params taken from the accumulated params (the pipeline's initial params,
 * with every earlier action's result merged in by wire name, later values winning). Put it beside
 * {@link Plugin} ({@code package-info.java}) or on any type of the plugin; it repeats.
 *
 * <pre>{@code
 * @PluginPipeline(name = "train_flow", actions = {"fetch", "convert", "train"})
 * }</pre>
 *
 * <p>The annotation processor checks it on the annotation, at compile time: every action exists, each
 * action's {@code outputType} is compatible with the next one's {@code inputType}, a result component that
 * feeds a param of the same wire name has a compatible JSON type, and, when {@link #params()} names the
 * initial params record, every required param of every action is given by it or by an earlier action's
 * result. It generates the pipeline's initial-params JSON Schema
 * ({@code META-INF/synapse/<code>/pipelines/<name>.params.schema.json}), its entry under {@code pipelines}
 * in config.yaml, and typed facade methods returning the last action's result.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Repeatable(PluginPipeline.List.class)
public @interface PluginPipeline {

  /** The pipeline's name, unique in the plugin: matches {@code [a-z][a-z0-9_]*}. */
  String name();

  /** The action names, in the order they run; at least one. An action may appear more than once. */
  String[] actions();

  /** The human-readable title (config.yaml's {@code name}); empty means the name. */
  String title() default "";

  /** What the pipeline does. */
  String description() default "";

  /**
   * The record of the pipeline's initial params, if it has one ({@code Void} for none). With one, the
   * processor checks that every required param of every action is given by a component of it or by an
   * earlier action's result, and the facade takes it; without one, the initial params are a map, and the
   * generated schema says which of them are required.
   */
  Class<?> params() default Void.class;

  /** Holds repeated {@link PluginPipeline}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.PACKAGE, ElementType.TYPE})
  @interface List {
    /** The pipelines. */
    PluginPipeline[] value();
  }
}
