package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.JavaName;
import java.util.List;

/** The model's names and types as JavaPoet spells them: the one bridge from the model to JavaPoet. */
final class TypeNames {
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName SET = ClassName.get("java.util", "Set");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName STRING = ClassName.get("java.lang", "String");
  private static final ClassName VOID = ClassName.get("java.lang", "Void");

  private TypeNames() {}

  /** The class {@code name}. */
  static ClassName of(JavaName name) {
    List<String> simpleNames = name.simpleNames();
    return ClassName.get(name.packageName(), simpleNames.get(0), simpleNames.subList(1, simpleNames.size()).toArray(new String[0]));
  }

  /** The (boxed) Java type of {@code type}, for locals and type arguments. */
  static TypeName of(FieldType type) {
    if (type instanceof FieldType.Scalar scalar) {
      return ClassName.bestGuess(scalar.kind().qualifiedName());
    }
    if (type instanceof FieldType.EnumType enumType) {
      return of(enumType.name());
    }
    if (type instanceof FieldType.RecordType record) {
      return of(record.name());
    }
    if (type instanceof FieldType.ListType list) {
      return ParameterizedTypeName.get(LIST, of(list.element()));
    }
    if (type instanceof FieldType.SetType set) {
      return ParameterizedTypeName.get(SET, of(set.element()));
    }
    if (type instanceof FieldType.MapType map) {
      return ParameterizedTypeName.get(MAP, STRING, of(map.value()));
    }
    if (type instanceof FieldType.OptionalType optional) {
      return ParameterizedTypeName.get(OPTIONAL, of(optional.content()));
    }
    if (type instanceof FieldType.VoidType) {
      return VOID;
    }
    throw new IllegalArgumentException("no Java type for " + type.display());
  }
}
