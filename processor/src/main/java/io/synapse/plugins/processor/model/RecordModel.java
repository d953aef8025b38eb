package io.synapse.plugins.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A params or result record.
 *
 * @param element the record, for error reporting and as originating element
 * @param type its name and the name of its binder
 * @param fields its components, in declaration order
 * @param generate false when its binder already exists on the class path and is reused
 * @param description the first sentence of its Javadoc, or empty
 * @param declaresToString whether it declares its own {@code toString()}
 */
public record RecordModel(
    TypeElement element,
    FieldType.RecordType type,
    List<ParamField> fields,
    boolean generate,
    String description,
    boolean declaresToString) {

  /** The record's qualified name. */
  public String qualifiedName() {
    return type.qualifiedName();
  }

  /** The record's class name. */
  public JavaName name() {
    return type.name();
  }
}
