package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import javax.lang.model.element.Modifier;

/**
 * The {@code write} method of {@code <Record>_Binder}: the record as an ordered JSON-like map keyed by wire
 * names. Part of {@link BinderGenerator}'s artifact, not one of its own.
 */
final class WriteMethod {
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

  private WriteMethod() {}

  /**
   * The {@code write} method of {@code record}'s binder, which implements {@code RecordWriter} too:
   * one generated class per record rather than two, since javac's cost grows with every file.
   */
  static MethodSpec of(RecordModel record) {
    ClassName name = TypeNames.of(record.name());
    TypeName mapType = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.OBJECT);
    MethodSpec.Builder write = MethodSpec.methodBuilder("write")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(mapType)
        .addParameter(name, "value");
    write.beginControlFlow("if (value == null)").addStatement("return null").endControlFlow();
    write.addStatement("$T out = new $T<>()", mapType, LINKED_HASH_MAP);
    for (ParamField field : record.fields()) {
      write.addStatement("$T.put(out, $S, value.$L(), $L)",
          RuntimeTypes.WRITERS, field.wireName(), field.name(), TypeCode.writer(field.type()));
    }
    write.addStatement("return out");
    return write.build();
  }
}
