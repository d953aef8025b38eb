package io.synapse.plugins.spi;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands in for the runtime's marker, with its retention (class files only). */
@Retention(RetentionPolicy.CLASS)
public @interface SynapseGenerated {
  String from();
}
