package io.synapse.plugins.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** A component's {@code @Default} text, with the annotation for error reporting. */
public record DefaultValue(String text, AnnotationMirror mirror, AnnotationValue value) {}
