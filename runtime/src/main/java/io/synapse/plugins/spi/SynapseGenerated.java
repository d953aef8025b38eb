package io.synapse.plugins.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class the Synapse annotation processor generated; {@link #from()} names its source. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SynapseGenerated {

  /** The qualified name of the element it was generated from. */
  String from();
}
