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
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Facade>Registry}: the plugin's configuration as plain constants, and the only way
 * to a descriptor (so that listing actions loads no action class).
 */
public final class RegistryGenerator implements Generator<PluginModel> {
  private static final ClassName LIST = ClassName.get("java.util", "List");
  /** The most actions whose configurations share one class initialiser, and whose lookup shares one switch. */
  static final int CHUNK = 250;

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
    // A plugin of more than CHUNK actions keeps each action's configuration in a nested holder class of at
    // most CHUNK, so that no class initialiser passes the JVM's 64 KiB method limit (about 1,400 actions).
    boolean chunked = plugin.actions().size() > CHUNK;
    TypeSpec.Builder holder = null;
    int index = 0;
    for (ActionModel action : plugin.actions()) {
      type.addOriginatingElement(action.element());
      String constant = GeneratedNames.constant(action.name());
      CodeBlock config = CodeBlock.of("new $T(\n$>$>$S,\n$S,\n$S,\n$S,\n$T.$L,\n$T.$L,\n$S,\n$S,\n$S,\n$S)$<$<",
          RuntimeTypes.ACTION_CONFIG, action.name(), action.title(), action.description(), action.entrypoint(),
          RuntimeTypes.RUN_METHOD, action.method(),
          RuntimeTypes.PLUGIN_CATEGORY, action.category() == null ? plugin.category() : action.category(),
          action.inputType(), action.outputType(), action.paramsBinaryName(), action.resultTypeText());
      FieldSpec.Builder field = FieldSpec.builder(RuntimeTypes.ACTION_CONFIG, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The configuration of action {@code $L}.\n", action.name());
      if (chunked) {
        if (index % CHUNK == 0) {
          if (holder != null) {
            type.addType(holder.build());
          }
          holder = TypeSpec.classBuilder(holderName(index / CHUNK)).addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
        }
        holder.addField(FieldSpec.builder(RuntimeTypes.ACTION_CONFIG, constant, Modifier.STATIC, Modifier.FINAL).initializer(config).build());
        field.initializer("$L.$L", holderName(index / CHUNK), constant);
      } else {
        field.initializer(config);
      }
      type.addField(field.build());
      actionList.add(actionList.isEmpty() ? "$L" : ", $L", constant);
      index++;
    }
    if (holder != null) {
      type.addType(holder.build());
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
    if (!chunked) {
      addSwitch(descriptor, plugin.actions());
    } else {
      // One lookup method per holder's worth of actions, each with its own switch, for the same 64 KiB limit.
      descriptor.addStatement("$T<?, ?> found", RuntimeTypes.ACTION_DESCRIPTOR);
      int chunks = (plugin.actions().size() + CHUNK - 1) / CHUNK;
      for (int chunk = 0; chunk < chunks; chunk++) {
        List<ActionModel> part = plugin.actions().subList(chunk * CHUNK, Math.min(plugin.actions().size(), (chunk + 1) * CHUNK));
        MethodSpec.Builder lookup = MethodSpec.methodBuilder("descriptor" + chunk)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(RuntimeTypes.ACTION_DESCRIPTOR,
                WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class)))
            .addParameter(String.class, "name");
        addSwitch(lookup, part);
        type.addMethod(lookup.build());
        descriptor.addStatement("found = descriptor$L(name)", chunk);
        descriptor.beginControlFlow("if (found != null)").addStatement("return found").endControlFlow();
      }
      descriptor.addStatement("return null");
    }
    type.addMethod(descriptor.build());
    return JavaFiles.source(registry.packageName(), type.build());
  }

  private static void addSwitch(MethodSpec.Builder method, List<ActionModel> actions) {
    method.beginControlFlow("switch (name)");
    for (ActionModel action : actions) {
      method.addCode("case $S:\n", action.name()).addStatement("$>return $T.INSTANCE$<", TypeNames.of(action.descriptor()));
    }
    method.addCode("default:\n").addStatement("$>return null$<");
    method.endControlFlow();
  }

  private static String holderName(int chunk) {
    return "Configs" + chunk;
  }
}
