package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.CodeBlock;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ScalarKind;

/** The runtime reader and writer expressions of each field type. */
final class TypeCode {
  private TypeCode() {}

  /** A {@code ValueReader} of {@code type}, e.g. {@code Readers.list(Readers.INT)}. */
  static CodeBlock reader(FieldType type) {
    if (type instanceof FieldType.Scalar scalar) {
      return CodeBlock.of("$T.$L", RuntimeTypes.READERS, scalar.kind().readerConstant());
    }
    if (type instanceof FieldType.EnumType enumType) {
      return enumType.wireValuesAreNames()
          ? CodeBlock.of("$T.enumOf($T.values())", RuntimeTypes.READERS, TypeNames.of(enumType.name()))
          : CodeBlock.of("$T.enumOf($T.values(), $L)", RuntimeTypes.READERS, TypeNames.of(enumType.name()), strings(enumType.wireValues()));
    }
    if (type instanceof FieldType.ListType list) {
      return CodeBlock.of("$T.list($L)", RuntimeTypes.READERS, reader(list.element()));
    }
    if (type instanceof FieldType.SetType set) {
      return CodeBlock.of("$T.set($L)", RuntimeTypes.READERS, reader(set.element()));
    }
    if (type instanceof FieldType.MapType map) {
      return CodeBlock.of("$T.map($L)", RuntimeTypes.READERS, reader(map.value()));
    }
    if (type instanceof FieldType.OptionalType optional) {
      return CodeBlock.of("$T.optional($L)", RuntimeTypes.READERS, reader(optional.content()));
    }
    if (type instanceof FieldType.RecordType record) {
      return CodeBlock.of("$T.INSTANCE", TypeNames.of(record.binder()));
    }
    throw new IllegalArgumentException("no reader for " + type.display());
  }

  /** A {@code ValueWriter} of {@code type}, e.g. {@code Writers.list(Writers.ENUM)}. */
  static CodeBlock writer(FieldType type) {
    if (type instanceof FieldType.Scalar scalar) {
      String constant = scalar.kind() == ScalarKind.ANY ? "ANY"
          : scalar.kind().family() == ScalarKind.Family.TEXT && scalar.kind() != ScalarKind.STRING ? "TEXT"
          : "SAME";
      return CodeBlock.of("$T.$L", RuntimeTypes.WRITERS, constant);
    }
    if (type instanceof FieldType.EnumType enumType) {
      return enumType.wireValuesAreNames()
          ? CodeBlock.of("$T.ENUM", RuntimeTypes.WRITERS)
          : CodeBlock.of("$T.enumValues($L)", RuntimeTypes.WRITERS, strings(enumType.wireValues()));
    }
    if (type instanceof FieldType.ListType list) {
      return CodeBlock.of("$T.list($L)", RuntimeTypes.WRITERS, writer(list.element()));
    }
    if (type instanceof FieldType.SetType set) {
      return CodeBlock.of("$T.list($L)", RuntimeTypes.WRITERS, writer(set.element()));
    }
    if (type instanceof FieldType.MapType map) {
      return CodeBlock.of("$T.map($L)", RuntimeTypes.WRITERS, writer(map.value()));
    }
    if (type instanceof FieldType.OptionalType optional) {
      return CodeBlock.of("$T.optional($L)", RuntimeTypes.WRITERS, writer(optional.content()));
    }
    if (type instanceof FieldType.RecordType record) {
      return CodeBlock.of("$T.INSTANCE", TypeNames.of(record.binder()));
    }
    throw new IllegalArgumentException("no writer for " + type.display());
  }

  /** String literals separated by commas: {@code "a", "b"}. */
  static CodeBlock strings(java.util.List<String> values) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = 0; i < values.size(); i++) {
      code.add(i == 0 ? "$S" : ", $S", values.get(i));
    }
    return code.build();
  }
}
