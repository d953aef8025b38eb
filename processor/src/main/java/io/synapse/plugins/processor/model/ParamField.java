package io.synapse.plugins.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.RecordComponentElement;

/**
 * One record component.
 *
 * @param element the component, for error reporting
 * @param name the component name (its Java name, which binding also takes)
 * @param wireName the name in params and results, schemas and violation paths ({@code input_path})
 * @param type its type
 * @param constraints its jakarta constraints, in source order, one per annotation type
 * @param defaultValue its {@code @Default}, if any
 * @param secret whether it is {@code @Secret}
 * @param description the record's {@code @param} Javadoc for it, or empty
 */
public record ParamField(
    RecordComponentElement element,
    String name,
    String wireName,
    FieldType type,
    List<Constraint> constraints,
    Optional<DefaultValue> defaultValue,
    boolean secret,
    String description) {

  /** Whether binding fails when the component is absent: a primitive or not-null component without default. */
  public boolean required() {
    if (defaultValue.isPresent()) {
      return false;
    }
    boolean primitive = type instanceof FieldType.Scalar scalar && scalar.primitive();
    return primitive
        || constraints.stream().anyMatch(c -> c instanceof Constraint.NotNull
            || c instanceof Constraint.NotBlank || c instanceof Constraint.NotEmpty);
  }
}
