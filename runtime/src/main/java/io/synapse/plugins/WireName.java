package io.synapse.plugins;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire name of one params or result component, or the wire value of one enum constant, instead of
 * the one {@link WireNames} gives it: {@code @WireName("lr") double learningRate}, or
 * {@code @WireName("nn") NEAREST_NEIGHBOUR}. Binding still takes the Java name too.
 *
 * <p>A wire name starts with a letter or {@code _} and holds letters, digits, {@code _} and {@code -}
 * (so it is one segment of a dotted path). Two components (or constants) that answer to the same key
 * are a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface WireName {

  /** The name used on the wire. */
  String value();
}
