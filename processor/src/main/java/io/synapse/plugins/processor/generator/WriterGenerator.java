package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import javax.lang.model.element.Modifier;

/** Generates {@code <Record>_Writer}: writes a record as an ordered JSON-like map. */
public final class WriterGenerator {
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

  /** The writer of {@code record}. */
  public JavaFile generate(RecordModel record) {
    ClassName writer = record.type().writer();
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
          RuntimeTypes.WRITERS, field.name(), field.name(), TypeCode.writer(field.type()));
    }
    write.addStatement("return out");
    TypeSpec type = JavaFiles.generatedClass(writer, record.qualifiedName(),
            "Writes {@link $T} as an ordered JSON-like map. Generated from its record components.", name)
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.RECORD_WRITER, name))
        .addOriginatingElement(record.element())
        .addField(FieldSpec.builder(writer, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", writer)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(write.build())
        .build();
    return JavaFiles.file(writer.packageName(), type);
  }
}
