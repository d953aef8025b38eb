package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import javax.lang.model.element.Modifier;

/** Writes a record as an ordered JSON-like map keyed by wire names: the writing half of {@code <Record>_Binder}. */
public final class WriterGenerator {
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

  /**
   * The {@code write} method of {@code record}'s binder, which implements {@code RecordWriter} too:
   * one generated class per record rather than two, since javac's cost grows with every file.
   */
  public MethodSpec writeMethod(RecordModel record) {
    ClassName name = record.name();
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
