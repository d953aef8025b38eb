package io.synapse.plugins;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a params component takes when the input does not give it (or gives {@code null}).
 *
 * <p>The text is taken as is for {@code String}, enum, {@code Path}, {@code URI}, {@code Duration},
 * {@code Instant} and {@code LocalDate} components, and parsed as JSON for every other type:
 * {@code "32"}, {@code "true"}, {@code "[1,2]"}, {@code "{\"a\":1}"}. A default that does not parse as
 * the component's type, or that breaks the component's own constraints, is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {

  /** The default, as text. */
  String value();
}
