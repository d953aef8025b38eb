package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.model.ActionShapes;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Generates {@code <Action>_Descriptor}: everything the runtime needs to run one action without reflection. */
public final class DescriptorGenerator {
  /** The descriptor of {@code action} of {@code plugin}; {@code records} are every record read, by name. */
  public JavaFile generate(PluginModel plugin, ActionModel action, Map<String, RecordModel> records) {
    ClassName descriptor = action.descriptor();
    TypeName params = action.params().name();
    FieldType result = action.result();
    TypeName resultType = result.typeName();
    boolean isVoid = result instanceof FieldType.VoidType;

    TypeSpec.Builder type = JavaFiles.generatedClass(descriptor, action.sourceName(),
            "Describes action {@code $L} ({@link $T$L}) to the runtime. Generated from its {@code @PluginAction}.",
            action.name(), action.actionClass(), action.isFunction() ? "#" + action.functionName() : "")
        .superclass(ParameterizedTypeName.get(RuntimeTypes.GENERATED_ACTION_DESCRIPTOR, params, resultType))
        .addOriginatingElement(action.element())
        .addField(FieldSpec.builder(descriptor, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", descriptor)
            .build());
    // Binding, writing and the result's reader and writer live in GeneratedActionDescriptor; a Void
    // result has neither (null).
    CodeBlock resultReader = isVoid ? CodeBlock.of("null") : TypeCode.reader(result);
    CodeBlock resultWriter = isVoid ? CodeBlock.of("null") : TypeCode.writer(result);
    // A function-based action runs as a small action class of the descriptor's own, so that the action
    // class lives in the plugin's jar (its code source and class loader are the plugin's) as for any action.
    ClassName actionClass = action.isFunction() ? descriptor.nestedClass("Action") : action.actionClass();
    if (action.isFunction()) {
      type.addType(functionAction(action, actionClass, params, resultType, isVoid));
    }
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addStatement("super($S, $S, $T.class, $T.class, $T.INSTANCE, $L, $L)", plugin.code(), action.name(),
            actionClass, params, action.params().binder(), resultReader, resultWriter)
        .build());
    type.addMethod(override("config", RuntimeTypes.ACTION_CONFIG)
        .addStatement("return $T.$L", plugin.registry(), JavaFiles.constantName(action.name()))
        .build());
    type.addMethod(override("newAction", ParameterizedTypeName.get(RuntimeTypes.BASE_ACTION, params, resultType))
        .addStatement("return new $T()", actionClass)
        .build());
    type.addField(FieldSpec.builder(RuntimeTypes.ACTION_SHAPE, "SHAPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(shapeCode(ActionShapes.of(action, records)))
        .build());
    type.addMethod(override("shape", RuntimeTypes.ACTION_SHAPE).addStatement("return SHAPE").build());
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

  // public static final class Action extends BaseAction<P, R> { execute(): Owner.method(params(), ctx()) }
  private static TypeSpec functionAction(ActionModel action, ClassName name, TypeName params, TypeName resultType, boolean isVoid) {
    MethodSpec.Builder execute = override("execute", resultType).addException(Exception.class);
    if (isVoid) {
      execute.addStatement("$T.$L(params(), ctx())", action.actionClass(), action.functionName()).addStatement("return null");
    } else {
      execute.addStatement("return $T.$L(params(), ctx())", action.actionClass(), action.functionName());
    }
    return TypeSpec.classBuilder(name)
        .addJavadoc("Runs {@link $T#$L}: the function-based action as an action class.\n", action.actionClass(),
            action.functionName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(RuntimeTypes.BASE_ACTION, params, resultType))
        .addMethod(MethodSpec.constructorBuilder().addJavadoc("For the descriptor.\n").addModifiers(Modifier.PUBLIC).build())
        .addMethod(execute.build())
        .build();
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

  // ActionShape.of("in", "out", List.of(new FieldShape(...), ...), List.of(...))
  private static CodeBlock shapeCode(ActionShape shape) {
    return CodeBlock.of("$T.of($S, $S,\n$>$>$L,\n$L)$<$<", RuntimeTypes.ACTION_SHAPE, shape.inputType(), shape.outputType(),
        fieldsCode(shape.params()), fieldsCode(shape.result()));
  }

  private static CodeBlock fieldsCode(List<FieldShape> fields) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < fields.size(); i++) {
      FieldShape field = fields.get(i);
      code.add(i == 0 ? "" : ",\n").add("new $T($S, $S, $L, $S, $L)", RuntimeTypes.FIELD_SHAPE, field.wireName(), field.javaName(),
          field.required(), field.jsonType(), field.secret());
    }
    return code.add(")").build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
  }
}
