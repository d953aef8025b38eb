package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.PluginModel;
import javax.lang.model.element.Modifier;

/** Generates the plugin's facade: one typed static method per action. */
public final class FacadeGenerator implements Generator<PluginModel> {

  /** The facade of {@code plugin}. */
  @Override
  public Artifact generate(PluginModel plugin) {
    ClassName facade = TypeNames.of(plugin.facade());
    TypeSpec.Builder type = JavaFiles.generatedClass(facade, plugin.sourceName(),
            "Typed entry points to the actions of plugin {@code $L}. Generated from its {@code @Plugin} and actions.",
            plugin.code())
        .addOriginatingElement(plugin.element())
        .addField(FieldSpec.builder(String.class, "CODE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The plugin code.\n")
            .initializer("$S", plugin.code())
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("registry")
            .addJavadoc("A new instance of the plugin's registry.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(RuntimeTypes.PLUGIN_REGISTRY)
            .addStatement("return new $T()", TypeNames.of(plugin.registry()))
            .build());
    for (ActionModel action : plugin.actions()) {
      type.addOriginatingElement(action.element());
      addMethods(type, action);
    }
    return JavaFiles.source(facade.packageName(), type.build());
  }

  private static void addMethods(TypeSpec.Builder type, ActionModel action) {
    String method = GeneratedNames.facadeMethod(action.name());
    TypeName params = TypeNames.of(action.params().name());
    ClassName descriptor = TypeNames.of(action.descriptor());
    boolean isVoid = action.result() instanceof FieldType.VoidType;
    TypeName returns = isVoid ? TypeName.VOID : TypeNames.of(action.result());
    String summary = (action.title() + (action.description().isEmpty() ? "" : ": " + action.description()))
        .replace("*/", "*&#47;");
    String returnDoc = isVoid ? "" : "@return the action's result\n";
    String call = isVoid ? "" : "return ";
    type.addMethod(MethodSpec.methodBuilder(method)
        .addJavadoc("$L\n\n<p>Runs action {@code $L} locally, in the calling thread.\n\n@param params the params\n$L",
            summary, action.name(), returnDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(returns)
        .addParameter(params, "params")
        .addStatement(call + "$L(params, $T.shared())", method, RuntimeTypes.LOCAL_EXECUTOR)
        .build());
    type.addMethod(MethodSpec.methodBuilder(method)
        .addJavadoc("$L\n\n<p>Runs action {@code $L} on {@code executor}.\n\n@param params the params\n"
            + "@param executor where to run it\n$L", summary, action.name(), returnDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(returns)
        .addParameter(params, "params")
        .addParameter(RuntimeTypes.EXECUTOR, "executor")
        .addStatement(call + "executor.execute($T.INSTANCE, params)", descriptor)
        .build());
    if (params.equals(RuntimeTypes.NO_PARAMS)) {
      type.addMethod(MethodSpec.methodBuilder(method)
          .addJavadoc("$L\n\n<p>Runs action {@code $L}, which takes no params, locally.\n\n$L",
              summary, action.name(), returnDoc)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(returns)
          .addStatement(call + "$L($T.INSTANCE, $T.shared())", method, RuntimeTypes.NO_PARAMS, RuntimeTypes.LOCAL_EXECUTOR)
          .build());
    }
  }
}
