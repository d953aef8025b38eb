package io.synapse.plugins;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the plugin of a module: put it on {@code package-info.java} of the plugin's package, or on
 * any one type of it. Exactly one {@code @Plugin} per module; every {@link PluginAction} of the module
 * belongs to it.
 *
 * <p>The annotation processor generates, in the annotated package, the plugin's registry
 * ({@code <Facade>Registry}), its typed facade (named after the code: {@code my_plugin} becomes
 * {@code MyPlugin}) and {@code META-INF/synapse/<code>/config.yaml}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface Plugin {

  /** The plugin code, unique among plugins: matches {@code [a-z][a-z0-9_\-]*}. */
  String code();

  /** The human-readable name. */
  String name();

  /** The plugin version, e.g. {@code 0.1.0}. */
  String version();

  /** The category, also the default category of every action. */
  PluginCategory category() default PluginCategory.CUSTOM;

  /** What the plugin does. */
  String description() default "";

  /** The simple name of the generated facade class; empty means derived from {@link #code()}. */
  String facade() default "";

  /**
   * How params and result components and enum values are named on the wire; {@link WireNames#SNAKE_CASE}
   * (the platform's) unless the plugin chooses {@link WireNames#JAVA}. A record can choose for itself
   * with {@link Params#wireNames()}, one component with {@link WireName}.
   */
  WireNames wireNames() default WireNames.SNAKE_CASE;
}
