package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Facade>Registry}: the plugin's configuration as plain constants, and the only way
 * to a descriptor (so that listing actions loads no action class).
 */
public final class RegistryGenerator implements Generator<PluginModel> {
  private static final ClassName LIST = ClassName.get("java.util", "List");

  /** The registry of {@code plugin}. */
  @Override
  public Artifact generate(PluginModel plugin) {
    ClassName registry = TypeNames.of(plugin.registry());
    TypeSpec.Builder type = JavaFiles.generatedClass(registry, plugin.sourceName(),
            "The registry of plugin {@code $L}, found through {@link java.util.ServiceLoader}."
                + " Generated from its {@code @Plugin} and actions.", plugin.code())
        .addSuperinterface(RuntimeTypes.PLUGIN_REGISTRY)
        .addOriginatingElement(plugin.element());
    CodeBlock.Builder actionList = CodeBlock.builder();
    for (ActionModel action : plugin.actions()) {
      type.addOriginatingElement(action.element());
      String constant = GeneratedNames.constant(action.name());
      type.addField(FieldSpec.builder(RuntimeTypes.ACTION_CONFIG, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The configuration of action {@code $L}.\n", action.name())
          .initializer("new $T(\n$>$>$S,\n$S,\n$S,\n$S,\n$T.$L,\n$T.$L,\n$S,\n$S,\n$S,\n$S)$<$<",
              RuntimeTypes.ACTION_CONFIG, action.name(), action.title(), action.description(), action.entrypoint(),
              RuntimeTypes.RUN_METHOD, action.method(),
              RuntimeTypes.PLUGIN_CATEGORY, action.category() == null ? plugin.category() : action.category(),
              action.inputType(), action.outputType(), action.paramsBinaryName(), action.resultTypeText())
          .build());
      actionList.add(actionList.isEmpty() ? "$L" : ", $L", constant);
    }
    CodeBlock.Builder pipelineList = CodeBlock.builder();
    for (PipelineModel pipeline : plugin.pipelines()) {
      CodeBlock.Builder names = CodeBlock.builder();
      for (String action : pipeline.actions()) {
        names.add(names.isEmpty() ? "$S" : ", $S", action);
      }
      pipelineList.add(pipelineList.isEmpty() ? "" : ",\n").add("new $T($S, $S, $S, $T.of($L), $S)", RuntimeTypes.PIPELINE_CONFIG,
          pipeline.name(), pipeline.title(), pipeline.description(), LIST, names.build(),
          pipeline.params() == null ? "" : ClassName.get(pipeline.params()).reflectionName());
    }
    if (plugin.pipelines().isEmpty()) {
      type.addField(FieldSpec.builder(RuntimeTypes.PLUGIN_CONFIG, "CONFIG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T(\n$>$>$S,\n$S,\n$S,\n$T.$L,\n$S,\n$S,\n$T.of($L))$<$<",
              RuntimeTypes.PLUGIN_CONFIG, plugin.name(), plugin.code(), plugin.version(),
              RuntimeTypes.PLUGIN_CATEGORY, plugin.category(), plugin.description(), plugin.packageName(),
              LIST, actionList.build())
          .build());
    } else {
      type.addField(FieldSpec.builder(RuntimeTypes.PLUGIN_CONFIG, "CONFIG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T(\n$>$>$S,\n$S,\n$S,\n$T.$L,\n$S,\n$S,\n$T.of($L),\n$T.of($L))$<$<",
              RuntimeTypes.PLUGIN_CONFIG, plugin.name(), plugin.code(), plugin.version(),
              RuntimeTypes.PLUGIN_CATEGORY, plugin.category(), plugin.description(), plugin.packageName(),
              LIST, actionList.build(), LIST, pipelineList.build())
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("For {@link java.util.ServiceLoader}.\n")
        .addModifiers(Modifier.PUBLIC)
        .build());
    type.addMethod(MethodSpec.methodBuilder("config")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.PLUGIN_CONFIG)
        .addStatement("return CONFIG")
        .build());
    type.addMethod(MethodSpec.methodBuilder("spiVersion")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return $L", GeneratedNames.SPI_VERSION)
        .build());
    MethodSpec.Builder descriptor = MethodSpec.methodBuilder("descriptor")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.ACTION_DESCRIPTOR,
            WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(String.class, "name");
    descriptor.beginControlFlow("if (name == null)").addStatement("return null").endControlFlow();
    descriptor.beginControlFlow("switch (name)");
    for (ActionModel action : plugin.actions()) {
      descriptor.addCode("case $S:\n", action.name()).addStatement("$>return $T.INSTANCE$<", TypeNames.of(action.descriptor()));
    }
    descriptor.addCode("default:\n").addStatement("$>return null$<");
    descriptor.endControlFlow();
    type.addMethod(descriptor.build());
    return JavaFiles.source(registry.packageName(), type.build());
  }
}
