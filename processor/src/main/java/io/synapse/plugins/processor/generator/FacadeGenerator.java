package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.WildcardTypeName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates the plugin's facade: per action, typed static methods that run it (locally, or on any
 * {@code Executor}: LOCAL, a TASK pool, a JOB executor), submit it as a job returning a typed
 * {@code JobHandle}, and attach to a job of it by id; per declared pipeline, {@code <name>Pipeline} methods.
 */
public final class FacadeGenerator implements Generator<PluginModel> {
  private final Map<String, RecordModel> records;

  /** @param records every record read, by qualified name (a pipeline's initial params record among them) */
  public FacadeGenerator(Map<String, RecordModel> records) {
    this.records = records;
  }

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
    if (!plugin.pipelines().isEmpty()) {
      ClassName holder = facade.nestedClass("PluginHolder");
      type.addType(TypeSpec.classBuilder(holder)
          .addJavadoc("The plugin, made on first use by a pipeline.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addField(FieldSpec.builder(RuntimeTypes.PLUGIN_DISCOVERY, "INSTANCE", Modifier.STATIC, Modifier.FINAL)
              .initializer("$T.of(new $T())", RuntimeTypes.PLUGIN_DISCOVERY, TypeNames.of(plugin.registry()))
              .build())
          .build());
      for (PipelineModel pipeline : plugin.pipelines()) {
        type.addOriginatingElement(pipeline.element());
        addPipelineMethods(type, plugin, pipeline, holder, records);
      }
    }
    return JavaFiles.source(facade.packageName(), type.build());
  }

  // <name>Pipeline(params) locally, and <name>Pipeline(params, mode, options): typed as the last action's result.
  private static void addPipelineMethods(TypeSpec.Builder type, PluginModel plugin, PipelineModel pipeline, ClassName holder,
      Map<String, RecordModel> records) {
    String method = GeneratedNames.facadePipelineMethod(pipeline.name());
    FieldType result = plugin.action(pipeline.actions().get(pipeline.actions().size() - 1)).result();
    boolean isVoid = result instanceof FieldType.VoidType;
    TypeName returns = isVoid ? TypeName.VOID : TypeNames.of(result);
    TypeName paramsType;
    CodeBlock written;
    if (pipeline.params() != null) {
      FieldType.RecordType record = records.get(pipeline.params().getQualifiedName().toString()).type();
      paramsType = TypeNames.of(record.name());
      written = CodeBlock.of("$T.INSTANCE.write(params)", TypeNames.of(record.binder()));
    } else {
      paramsType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), WildcardTypeName.subtypeOf(Object.class));
      written = CodeBlock.of("params");
    }
    String summary = (pipeline.title() + ": " + String.join(" | ", pipeline.actions())
        + (pipeline.description().isEmpty() ? "" : ". " + pipeline.description())).replace("*/", "*&#47;");
    String returnDoc = isVoid ? "" : "@return the last action's result\n";
    type.addMethod(MethodSpec.methodBuilder(method)
        .addJavadoc("$L\n\n<p>Runs pipeline {@code $L} locally, recorded in the default run store.\n\n@param params the initial params\n$L",
            summary, pipeline.name(), returnDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(returns)
        .addParameter(paramsType, "params")
        .addStatement((isVoid ? "" : "return ") + "$L(params, $T.LOCAL, $T.defaults())", method, RuntimeTypes.EXECUTION_MODE,
            RuntimeTypes.RUN_OPTIONS)
        .build());
    MethodSpec.Builder full = MethodSpec.methodBuilder(method)
        .addJavadoc("$L\n\n<p>Runs pipeline {@code $L} in {@code mode} (JOB: the whole pipeline as one Ray job, waited for).\n\n"
            + "@param params the initial params\n@param mode where its actions run\n@param options the run options (store, run id, cluster)\n$L",
            summary, pipeline.name(), returnDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(returns)
        .addParameter(paramsType, "params")
        .addParameter(RuntimeTypes.EXECUTION_MODE, "mode")
        .addParameter(RuntimeTypes.RUN_OPTIONS, "options");
    CodeBlock call = CodeBlock.of("$T.runDeclaredToResult($T.INSTANCE, $S, $L, mode, options)", RuntimeTypes.PIPELINES, holder,
        pipeline.name(), written);
    if (isVoid) {
      full.addStatement("$L", call);
    } else {
      if (returns instanceof ParameterizedTypeName) {
        full.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
      }
      full.addStatement("return ($T) $L", returns, call);
    }
    type.addMethod(full.build());
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
    addJobMethods(type, action, method, summary, isVoid ? TypeName.VOID.box() : returns.box());
  }

  private static void addJobMethods(TypeSpec.Builder type, ActionModel action, String method, String summary, TypeName result) {
    ParameterizedTypeName handle = ParameterizedTypeName.get(RuntimeTypes.JOB_HANDLE, result);
    String submit = "submit" + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    String attach = "attach" + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    type.addMethod(MethodSpec.methodBuilder(submit)
        .addJavadoc("$L\n\n<p>Submits action {@code $L} as a job on {@code jobs} and returns its handle at once;\n"
            + "{@code await} gives the result.\n\n@param params the params\n@param jobs where the job runs\n"
            + "@return the job's handle\n", summary, action.name())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(handle)
        .addParameter(TypeNames.of(action.params().name()), "params")
        .addParameter(RuntimeTypes.JOB_EXECUTOR, "jobs")
        .addStatement("return jobs.submit($T.INSTANCE, params)", TypeNames.of(action.descriptor()))
        .build());
    if (TypeNames.of(action.params().name()).equals(RuntimeTypes.NO_PARAMS)) {
      type.addMethod(MethodSpec.methodBuilder(submit)
          .addJavadoc("$L\n\n<p>Submits action {@code $L}, which takes no params, as a job on {@code jobs}.\n\n"
              + "@param jobs where the job runs\n@return the job's handle\n", summary, action.name())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(handle)
          .addParameter(RuntimeTypes.JOB_EXECUTOR, "jobs")
          .addStatement("return $L($T.INSTANCE, jobs)", submit, RuntimeTypes.NO_PARAMS)
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder(attach)
        .addJavadoc("$L\n\n<p>The handle of job {@code jobId}, an earlier submit of action {@code $L} (in this process or\n"
            + "another one).\n\n@param jobId the job's id\n@param jobs the executor that submitted it, or one like it\n"
            + "@return the job's handle\n", summary, action.name())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(handle)
        .addParameter(String.class, "jobId")
        .addParameter(RuntimeTypes.JOB_EXECUTOR, "jobs")
        .addStatement("return jobs.attach(jobId, $T.INSTANCE)", TypeNames.of(action.descriptor()))
        .build());
  }
}
