package io.synapse.plugins;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as an action's parameters. The processor generates a binder
 * ({@code <Record>_Binder}) that turns untyped input (maps, JSON, CLI strings) into the record,
 * collecting every violation, and writes the record back as an ordered map.
 *
 * <p>Records used by actions (and records nested in them) are processed even without this
 * annotation; it makes the intent explicit and lets the processor check records no action uses yet.
 * Descriptions in the JSON Schema come from the record's {@code @param} Javadoc tags.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Params {

  /**
   * How this record's components (and the enum values it holds) are named on the wire; by default as
   * the plugin says ({@link Plugin#wireNames()}, snake_case unless chosen otherwise).
   */
  WireNames wireNames() default WireNames.PLUGIN;
}
