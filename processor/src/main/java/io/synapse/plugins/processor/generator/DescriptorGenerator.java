package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import com.palantir.javapoet.CodeBlock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Generates {@code <Action>_Descriptor}: everything the runtime needs to run one action without reflection. */
public final class DescriptorGenerator {
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName CLASS = ClassName.get(Class.class);

  /** The descriptor of {@code action} of {@code plugin}; {@code records} are every record read, by name. */
  public JavaFile generate(PluginModel plugin, ActionModel action, Map<String, RecordModel> records) {
    ClassName descriptor = action.descriptor();
    TypeName params = action.params().name();
    FieldType result = action.result();
    TypeName resultType = result.typeName();
    String paramsSubject = "params of action '" + action.name() + "'";
    String resultSubject = "result of action '" + action.name() + "'";
    boolean isVoid = result instanceof FieldType.VoidType;
    boolean isRecord = result instanceof FieldType.RecordType;

    TypeSpec.Builder type = JavaFiles.generatedClass(descriptor, action.element().getQualifiedName().toString(),
            "Describes action {@code $L} ({@link $T}) to the runtime. Generated from its {@code @PluginAction}.",
            action.name(), action.actionClass())
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.ACTION_DESCRIPTOR, params, resultType))
        .addOriginatingElement(action.element())
        .addField(FieldSpec.builder(descriptor, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", descriptor)
            .build());
    if (!isVoid && !isRecord) {
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.VALUE_READER, resultType), "RESULT_READER",
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(TypeCode.reader(result))
          .build());
      type.addField(FieldSpec.builder(
              ParameterizedTypeName.get(RuntimeTypes.VALUE_WRITER, WildcardTypeName.supertypeOf(resultType)),
              "RESULT_WRITER", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(TypeCode.writer(result))
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(override("pluginCode", ClassName.get(String.class)).addStatement("return $S", plugin.code()).build());
    type.addMethod(override("config", RuntimeTypes.ACTION_CONFIG)
        .addStatement("return $T.$L", plugin.registry(), JavaFiles.constantName(action.name()))
        .build());
    type.addMethod(override("actionClass", ParameterizedTypeName.get(CLASS, WildcardTypeName.subtypeOf(
            ParameterizedTypeName.get(RuntimeTypes.BASE_ACTION, params, resultType))))
        .addStatement("return $T.class", action.actionClass())
        .build());
    type.addMethod(override("paramsType", ParameterizedTypeName.get(CLASS, params))
        .addStatement("return $T.class", params)
        .build());
    type.addMethod(override("newAction", ParameterizedTypeName.get(RuntimeTypes.BASE_ACTION, params, resultType))
        .addStatement("return new $T()", action.actionClass())
        .build());
    type.addMethod(override("bindParams", params)
        .addParameter(Object.class, "params")
        .beginControlFlow("try")
        .addStatement("return $T.INSTANCE.bind(params)", action.params().binder())
        .nextControlFlow("catch ($T e)", RuntimeTypes.VALIDATION_ERROR)
        .addStatement("throw e.withSubject($S)", paramsSubject)
        .endControlFlow()
        .build());
    type.addMethod(override("writeParams", ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.OBJECT))
        .addParameter(params, "params")
        .addStatement("return $T.INSTANCE.write(params)", action.params().writer())
        .build());
    MethodSpec.Builder writeResult = override("writeResult", ClassName.OBJECT).addParameter(resultType, "result");
    MethodSpec.Builder readResult = override("readResult", resultType).addParameter(Object.class, "value");
    if (isVoid) {
      writeResult.addStatement("return null");
      readResult.addStatement("return null");
    } else {
      String writer = isRecord ? "$T.INSTANCE" : "RESULT_WRITER";
      String reader = isRecord ? "$T.INSTANCE" : "RESULT_READER";
      if (isRecord) {
        FieldType.RecordType record = (FieldType.RecordType) result;
        writeResult.addStatement("return " + writer + ".write(result)", record.writer());
        readResult.addStatement("$T violations = new $T()", RuntimeTypes.VIOLATIONS, RuntimeTypes.VIOLATIONS)
            .addStatement("$T read = " + reader + ".read(value, \"\", violations)", resultType, record.binder());
      } else {
        writeResult.addStatement("return " + writer + ".write(result)");
        readResult.addStatement("$T violations = new $T()", RuntimeTypes.VIOLATIONS, RuntimeTypes.VIOLATIONS)
            .addStatement("$T read = " + reader + ".read(value, \"\", violations)", resultType);
      }
      readResult.addStatement("violations.throwIfAny($S)", resultSubject).addStatement("return read");
    }
    type.addMethod(writeResult.build());
    type.addMethod(readResult.build());
    CodeBlock secrets = secretCollection(action.params(), CodeBlock.of("params"), records, new HashSet<>());
    if (!secrets.isEmpty()) {
      type.addMethod(override("secretValues", ParameterizedTypeName.get(ClassName.get(Set.class), ClassName.get(String.class)))
          .addParameter(params, "params")
          .addStatement("$T<$T> secrets = new $T<>()", Set.class, String.class, java.util.LinkedHashSet.class)
          .addCode(secrets)
          .addStatement("return secrets")
          .build());
    }
    return JavaFiles.file(descriptor.packageName(), type.build());
  }

  /**
   * Statements adding the {@code @Secret} values reachable from {@code value} through nested records
   * (null-guarded); empty when the record holds no secret.
   */
  private static CodeBlock secretCollection(FieldType.RecordType type, CodeBlock value, Map<String, RecordModel> records,
      Set<String> visiting) {
    RecordModel record = records.get(type.qualifiedName());
    if (record == null || !visiting.add(type.qualifiedName())) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder code = CodeBlock.builder();
    for (ParamField field : record.fields()) {
      CodeBlock access = CodeBlock.of("$L.$L()", value, field.name());
      if (field.secret()) {
        code.addStatement("$T.collect(secrets, $L)", RuntimeTypes.SECRETS, access);
      } else if (field.type() instanceof FieldType.RecordType nested) {
        CodeBlock inner = secretCollection(nested, access, records, visiting);
        if (!inner.isEmpty()) {
          code.beginControlFlow("if ($L != null)", access).add(inner).endControlFlow();
        }
      }
    }
    visiting.remove(type.qualifiedName());
    return code.build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
  }
}
