package io.synapse.plugins.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.synapse.plugins.processor.generator.BinderGenerator;
import io.synapse.plugins.processor.generator.ConfigYamlGenerator;
import io.synapse.plugins.processor.generator.DescriptorGenerator;
import io.synapse.plugins.processor.generator.FacadeGenerator;
import io.synapse.plugins.processor.generator.MetadataGenerator;
import io.synapse.plugins.processor.generator.PipelineSchemaGenerator;
import io.synapse.plugins.processor.generator.RegistryGenerator;
import io.synapse.plugins.processor.generator.SchemaGenerator;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.Compilation;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.reading.Annotations;
import io.synapse.plugins.processor.reading.ModelReader;
import io.synapse.plugins.processor.reading.PipelineReader;
import io.synapse.plugins.processor.validation.ActionValidator;
import io.synapse.plugins.processor.validation.PipelineValidator;
import io.synapse.plugins.processor.validation.PluginValidator;
import io.synapse.plugins.processor.validation.RecordValidator;
import io.synapse.plugins.processor.validation.WireNameValidator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks plugin actions and their params at compile time, then generates binders, writers,
 * descriptors, the registry, the facade, config.yaml and the JSON Schemas.
 *
 * <p>Each round adds the annotated elements it sees; the whole plugin is read, validated and generated
 * in the first round where every type it refers to resolves. Types that never resolve are reported in
 * the last round.
 */
@AutoService(Processor.class)
public final class SynapseProcessor extends AbstractProcessor {
  private final Set<String> pluginNames = new TreeSet<>();
  private final Set<String> actionNames = new TreeSet<>();
  private final Set<String> paramsNames = new TreeSet<>();
  private final Set<String> pipelineNames = new TreeSet<>();
  private final Set<String> typesInCompilation = new TreeSet<>();
  private boolean done;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RuntimeTypes.PLUGIN.canonicalName(), RuntimeTypes.PLUGIN_ACTION.canonicalName(),
        RuntimeTypes.PARAMS.canonicalName(), RuntimeTypes.PLUGIN_PIPELINE.canonicalName(), RuntimeTypes.PLUGIN_PIPELINE_LIST.canonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    try {
      collect(round);
      if (pluginNames.isEmpty() && actionNames.isEmpty() && paramsNames.isEmpty() && pipelineNames.isEmpty()) {
        return false;
      }
      attempt(round.processingOver());
    } catch (RuntimeException | Error e) {
      done = true;
      Element at = firstElement();
      processingEnv.getMessager().printMessage(
          Diagnostic.InternalError.kind(), Diagnostic.InternalError.format(at, e), at);
    }
    return false;
  }

  private void collect(RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        typesInCompilation.add(type.getQualifiedName().toString());
      }
    }
    for (Element element : round.getElementsAnnotatedWith(element(RuntimeTypes.PLUGIN.canonicalName()))) {
      pluginNames.add(reference(element));
    }
    for (Element element : round.getElementsAnnotatedWith(element(RuntimeTypes.PLUGIN_ACTION.canonicalName()))) {
      actionNames.add(reference(element));
    }
    for (Element element : round.getElementsAnnotatedWith(element(RuntimeTypes.PARAMS.canonicalName()))) {
      paramsNames.add(((TypeElement) element).getQualifiedName().toString());
    }
    for (Element element : round.getElementsAnnotatedWithAny(element(RuntimeTypes.PLUGIN_PIPELINE.canonicalName()),
        element(RuntimeTypes.PLUGIN_PIPELINE_LIST.canonicalName()))) {
      pipelineNames.add(reference(element));
    }
  }

  private TypeElement element(String name) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
    if (type == null) {
      throw new IllegalStateException(name + " is not on the class path: add synapse-plugins-runtime as a dependency");
    }
    return type;
  }

  // A name that finds the element again in a later round: a package, a type, or a method of a type
  // (a function-based action) with its parameter types, since methods can be overloaded.
  private static String reference(Element element) {
    if (element instanceof PackageElement pkg) {
      return "package " + pkg.getQualifiedName();
    }
    if (element instanceof ExecutableElement method) {
      return METHOD + ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#" + method;
    }
    return ((TypeElement) element).getQualifiedName().toString();
  }

  private static final String METHOD = "method ";

  private Element resolve(String reference) {
    if (reference.startsWith(METHOD)) {
      int hash = reference.indexOf('#');
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(reference.substring(METHOD.length(), hash));
      if (owner != null) {
        for (Element member : owner.getEnclosedElements()) {
          if (member instanceof ExecutableElement method && method.toString().equals(reference.substring(hash + 1))) {
            return method;
          }
        }
      }
      return null;
    }
    return reference.startsWith("package ")
        ? processingEnv.getElementUtils().getPackageElement(reference.substring("package ".length()))
        : processingEnv.getElementUtils().getTypeElement(reference);
  }

  private Element firstElement() {
    for (Set<String> names : List.of(pluginNames, actionNames, paramsNames, pipelineNames)) {
      for (String name : names) {
        Element element = resolve(name);
        if (element != null) {
          return element;
        }
      }
    }
    return null;
  }

  private void attempt(boolean lastRound) {
    List<Element> plugins = resolveAll(pluginNames);
    List<Element> actions = resolveAll(actionNames);
    List<TypeElement> params = types(resolveAll(paramsNames));
    Report report = new Report();
    List<PipelineModel> pipelines = new PipelineReader(processingEnv.getElementUtils(), report).read(resolveAll(pipelineNames));
    for (PipelineModel pipeline : pipelines) {
      // A pipeline's initial params record gets a binder as any params record does.
      if (pipeline.params() != null && !params.contains(pipeline.params())) {
        params.add(pipeline.params());
      }
    }
    if (plugins.isEmpty()) {
      for (PipelineModel pipeline : pipelines) {
        report.at(Diagnostic.PipelineWithoutPlugin, pipeline.element(), pipeline.mirror(), null, pipeline.name());
      }
    }

    Compilation compilation = new ModelReader(processingEnv, typesInCompilation, report).read(plugins, actions, params, pipelines);
    validate(compilation, plugins, actions, report);

    if (report.hasUnresolved() && !lastRound) {
      return; // Another processor may generate the missing types: try again next round.
    }
    done = true;
    report.printTo(processingEnv.getMessager(), true, trees());
    if (report.hasErrors() || lastRound) {
      return;
    }
    generate(compilation);
  }

  private List<Element> resolveAll(Set<String> names) {
    List<Element> elements = new ArrayList<>();
    for (String name : names) {
      Element element = resolve(name);
      if (element != null) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static List<TypeElement> types(List<Element> elements) {
    List<TypeElement> types = new ArrayList<>();
    for (Element element : elements) {
      types.add((TypeElement) element);
    }
    types.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    return types;
  }

  private void validate(Compilation compilation, List<Element> plugins, List<Element> actions, Report report) {
    ActionValidator actionValidator = new ActionValidator(processingEnv.getElementUtils());
    for (Element action : actions) {
      guarded(action, report, () -> actionValidator.validate(
          action, Annotations.find(action, RuntimeTypes.PLUGIN_ACTION.canonicalName()).orElseThrow(), report));
    }
    PluginValidator pluginValidator = new PluginValidator();
    pluginValidator.validatePluginCount(plugins, actions, report);
    String pluginPackage = compilation.plugin().map(PluginModel::packageName).orElse(null);
    for (ActionModel action : compilation.actions()) {
      guarded(action.element(), report, () -> actionValidator.validateTypes(action, pluginPackage, report));
    }
    compilation.plugin().ifPresent(plugin -> guarded(plugin.element(), report, () -> pluginValidator.validate(plugin, report)));
    compilation.plugin().ifPresent(plugin -> guarded(plugin.element(), report,
        () -> new PipelineValidator().validate(plugin, recordsByName(compilation), report)));
    RecordValidator recordValidator = new RecordValidator(processingEnv.getElementUtils(), recordsByName(compilation));
    WireNameValidator wireNameValidator = new WireNameValidator(processingEnv.getElementUtils());
    for (RecordModel record : compilation.records()) {
      guarded(record.element(), report, () -> {
        recordValidator.validate(record, report);
        wireNameValidator.validate(record, report);
      });
    }
  }

  private static void guarded(Element element, Report report, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      report.add(Diagnostic.InternalError, element, element, e);
    }
  }

  private static Map<String, RecordModel> recordsByName(Compilation compilation) {
    Map<String, RecordModel> records = new LinkedHashMap<>();
    for (RecordModel record : compilation.records()) {
      records.put(record.qualifiedName(), record);
    }
    return records;
  }

  private void generate(Compilation compilation) {
    Report report = new Report();
    for (RecordModel record : compilation.records()) {
      if (record.generate()) {
        guarded(record.element(), report, () -> {
          writeJava(new BinderGenerator().generate(record));
        });
      }
    }
    compilation.plugin().ifPresent(plugin -> generatePlugin(plugin, recordsByName(compilation), report));
    report.printTo(processingEnv.getMessager(), false);
  }

  private void generatePlugin(PluginModel plugin, Map<String, RecordModel> records, Report report) {
    Element[] origins = origins(plugin);
    SchemaGenerator schemas = new SchemaGenerator(records);
    for (ActionModel action : plugin.actions()) {
      guarded(action.element(), report, () -> {
        writeJava(new DescriptorGenerator().generate(plugin, action, records));
        writeResource(SchemaGenerator.path(plugin, action, "params"), schemas.params(action), origins);
        writeResource(SchemaGenerator.path(plugin, action, "result"), schemas.result(action), origins);
      });
    }
    guarded(plugin.element(), report, () -> {
      writeJava(new RegistryGenerator().generate(plugin));
      writeJava(new FacadeGenerator().generate(plugin, records));
      PipelineSchemaGenerator pipelineSchemas = new PipelineSchemaGenerator(records);
      for (PipelineModel pipeline : plugin.pipelines()) {
        writeResource(PipelineSchemaGenerator.path(plugin, pipeline), pipelineSchemas.generate(plugin, pipeline), origins);
      }
      MetadataGenerator metadata = new MetadataGenerator();
      writeResource(ConfigYamlGenerator.path(plugin), new ConfigYamlGenerator().generate(plugin), origins);
      writeResource(MetadataGenerator.SERVICE_FILE, metadata.serviceFile(plugin), origins);
      writeResource(MetadataGenerator.resourceConfigPath(plugin), metadata.resourceConfig(plugin), origins);
    });
  }

  private static Element[] origins(PluginModel plugin) {
    List<Element> origins = new ArrayList<>();
    origins.add(plugin.element());
    for (ActionModel action : plugin.actions()) {
      origins.add(action.element());
    }
    for (PipelineModel pipeline : plugin.pipelines()) {
      if (!origins.contains(pipeline.element())) {
        origins.add(pipeline.element());
      }
    }
    return origins.toArray(new Element[0]);
  }

  private void writeJava(JavaFile file) {
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file.packageName() + "." + file.typeSpec().name() + ": " + e, e);
    }
  }

  private void writeResource(String path, String text, Element... origins) {
    try {
      FileObject resource = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
      try (Writer writer = new java.io.OutputStreamWriter(resource.openOutputStream(), StandardCharsets.UTF_8)) {
        writer.write(text);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + path + ": " + e, e);
    }
  }

  private com.sun.source.util.Trees trees() {
    try {
      return com.sun.source.util.Trees.instance(processingEnv);
    } catch (RuntimeException | LinkageError e) {
      return null; // not javac: messages fall back on the element
    }
  }

  static boolean isPackage(Element element) {
    return element.getKind() == ElementKind.PACKAGE;
  }
}
