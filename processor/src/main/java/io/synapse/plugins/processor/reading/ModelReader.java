package io.synapse.plugins.processor.reading;

import com.palantir.javapoet.ClassName;
import io.synapse.plugins.processor.Diagnostic;
import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.Compilation;
import io.synapse.plugins.processor.model.DefaultValue;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.validation.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the annotated elements of a compilation into the model, reporting what cannot be modelled
 * (an action that is no {@code BaseAction}, an unsupported component type, ...). Rules about well-formed
 * models are the validators' business.
 */
public final class ModelReader {
  private final Elements elements;
  private final Types types;
  private final Report report;
  private final Annotations annotations;
  private final TypeReader typeReader;
  private final ConstraintReader constraintReader;
  private final Map<String, TypeElement> recordQueue = new LinkedHashMap<>();
  private final Trees trees;
  // The plugin's wire names: snake_case unless @Plugin(wireNames = JAVA).
  private boolean pluginSnakeCase = true;

  public ModelReader(ProcessingEnvironment env, Set<String> typesInCompilation, Report report) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.report = report;
    this.annotations = new Annotations(elements);
    this.typeReader = new TypeReader(elements, typesInCompilation);
    this.constraintReader = new ConstraintReader(elements, types);
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (RuntimeException | LinkageError e) {
      return null; // not javac: fall back to the modifiers
    }
  }

  /**
   * Reads the plugin (the first of {@code pluginElements}), the actions (classes, or static methods for
   * function-based actions) and every record they reach.
   */
  public Compilation read(List<Element> pluginElements, List<? extends Element> actionElements, List<TypeElement> paramsElements,
      List<PipelineModel> pipelines) {
    if (!pluginElements.isEmpty()) {
      AnnotationMirror pluginMirror = Annotations.find(pluginElements.get(0), RuntimeTypes.PLUGIN.canonicalName()).orElseThrow();
      pluginSnakeCase = !"JAVA".equals(annotations.enumConstant(pluginMirror, "wireNames"));
    }
    List<ActionModel> actions = new ArrayList<>();
    for (Element action : actionElements) {
      guarded(action, () -> (action instanceof ExecutableElement method ? readFunction(method) : readAction((TypeElement) action))
          .ifPresent(actions::add));
    }
    actions.sort(Comparator.comparing(ActionModel::name).thenComparing(ActionModel::entrypoint));
    for (TypeElement params : paramsElements) {
      if (params.getKind() != ElementKind.RECORD) {
        report.add(Diagnostic.ParamsNotRecord, params, params.getQualifiedName());
      } else {
        recordQueue.putIfAbsent(params.getQualifiedName().toString(), params);
      }
    }
    List<RecordModel> records = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Deque<TypeElement> pending = new ArrayDeque<>(recordQueue.values());
    recordQueue.clear();
    while (!pending.isEmpty()) {
      TypeElement record = pending.removeFirst();
      if (done.add(record.getQualifiedName().toString())) {
        guarded(record, () -> records.add(readRecord(record)));
        pending.addAll(recordQueue.values());
        recordQueue.clear();
      }
    }
    records.sort(Comparator.comparing(RecordModel::qualifiedName));
    Optional<PluginModel> plugin = pluginElements.isEmpty()
        ? Optional.empty()
        : readPlugin(pluginElements.get(0), actions, pipelines);
    return new Compilation(plugin, List.copyOf(actions), List.copyOf(records));
  }

  private void guarded(Element element, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      report.add(Diagnostic.InternalError, element, element, e);
    }
  }

  private Optional<PluginModel> readPlugin(Element element, List<ActionModel> actions, List<PipelineModel> pipelines) {
    AnnotationMirror mirror = Annotations.find(element, RuntimeTypes.PLUGIN.canonicalName()).orElseThrow();
    String code = annotations.string(mirror, "code");
    String facade = annotations.string(mirror, "facade");
    String packageName = element instanceof PackageElement pkg
        ? pkg.getQualifiedName().toString()
        : elements.getPackageOf(element).getQualifiedName().toString();
    return Optional.of(new PluginModel(
        element,
        mirror,
        code,
        annotations.string(mirror, "name"),
        annotations.string(mirror, "version"),
        annotations.enumConstant(mirror, "category"),
        annotations.string(mirror, "description"),
        packageName,
        facade.isEmpty() ? pascalCase(code) : facade,
        List.copyOf(actions),
        List.copyOf(pipelines)));
  }

  /** {@code my_plugin} and {@code my-plugin} give {@code MyPlugin}. */
  public static String pascalCase(String code) {
    StringBuilder out = new StringBuilder();
    for (String part : code.split("[_\\-]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  private Optional<ActionModel> readAction(TypeElement action) {
    AnnotationMirror mirror = Annotations.find(action, RuntimeTypes.PLUGIN_ACTION.canonicalName()).orElseThrow();
    List<String> categories = categories(action, mirror);
    if (action.getKind() != ElementKind.CLASS) {
      report.add(Diagnostic.ActionNotBaseAction, action, action.getQualifiedName());
      return Optional.empty();
    }
    DeclaredType base = findBaseAction(action);
    if (base == null) {
      return Optional.empty();
    }
    List<? extends TypeMirror> args = base.getTypeArguments();
    if (args.size() != 2) {
      report.add(Diagnostic.ActionUnresolvedTypeArguments, action, action.getSimpleName(), "raw BaseAction");
      return Optional.empty();
    }
    TypeMirror paramsType = args.get(0);
    TypeMirror resultType = args.get(1);
    for (TypeMirror arg : args) {
      if (arg.getKind() == TypeKind.ERROR) {
        report.unresolved(action, arg);
        return Optional.empty();
      }
    }
    if (paramsType.getKind() != TypeKind.DECLARED || resultType.getKind() == TypeKind.TYPEVAR
        || resultType.getKind() == TypeKind.WILDCARD) {
      report.add(Diagnostic.ActionUnresolvedTypeArguments, action, action.getSimpleName(), base);
      return Optional.empty();
    }
    TypeElement paramsRecord = (TypeElement) ((DeclaredType) paramsType).asElement();
    if (paramsRecord.getKind() != ElementKind.RECORD || !paramsRecord.getTypeParameters().isEmpty()) {
      report.add(Diagnostic.ActionUnresolvedTypeArguments, action, action.getSimpleName(), base);
      return Optional.empty();
    }
    recordQueue.putIfAbsent(paramsRecord.getQualifiedName().toString(), paramsRecord);
    FieldType result = readResult(resultType, action);
    if (result == null) {
      return Optional.empty();
    }
    return Optional.of(actionModel(action, mirror, categories, elements.getBinaryName(action).toString(), ClassName.get(action),
        null, paramsRecord, result, resultType));
  }

  /** A function-based action: {@code public static R name(P params, RuntimeContext ctx)}. */
  private Optional<ActionModel> readFunction(ExecutableElement method) {
    AnnotationMirror mirror = Annotations.find(method, RuntimeTypes.PLUGIN_ACTION.canonicalName()).orElseThrow();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    List<String> categories = categories(method, mirror);
    List<? extends VariableElement> parameters = method.getParameters();
    for (VariableElement parameter : parameters) {
      if (parameter.asType().getKind() == TypeKind.ERROR) {
        report.unresolved(method, parameter.asType());
        return Optional.empty();
      }
    }
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.ERROR) {
      report.unresolved(method, returnType);
      return Optional.empty();
    }
    TypeElement paramsRecord = parameters.size() == 2 && isRuntimeContext(parameters.get(1).asType())
        ? recordOf(parameters.get(0).asType())
        : null;
    if (paramsRecord == null || !method.getTypeParameters().isEmpty()) {
      report.add(Diagnostic.FunctionActionSignature, method, owner.getSimpleName() + "." + method.getSimpleName(),
          method.getParameters().stream().map(p -> display(p.asType())).collect(java.util.stream.Collectors.joining(", ")));
      return Optional.empty();
    }
    recordQueue.putIfAbsent(paramsRecord.getQualifiedName().toString(), paramsRecord);
    FieldType result = returnType.getKind() == TypeKind.VOID ? new FieldType.VoidType() : readResult(returnType, method);
    if (result == null) {
      return Optional.empty();
    }
    String entrypoint = elements.getBinaryName(owner) + "#" + method.getSimpleName();
    return Optional.of(actionModel(method, mirror, categories, entrypoint, ClassName.get(owner), method.getSimpleName().toString(),
        paramsRecord, result, returnType.getKind() == TypeKind.VOID ? null : returnType));
  }

  private boolean isRuntimeContext(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(RuntimeTypes.RUNTIME_CONTEXT.canonicalName());
  }

  private static TypeElement recordOf(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.RECORD && element.getTypeParameters().isEmpty() ? element : null;
  }

  private List<String> categories(Element action, AnnotationMirror mirror) {
    List<String> categories = annotations.enumConstants(mirror, "category");
    if (categories.size() > 1) {
      report.at(Diagnostic.MultipleCategories, action, mirror, Annotations.explicitValue(mirror, "category"),
          action.getSimpleName(), categories.size());
    }
    return categories;
  }

  private FieldType readResult(TypeMirror resultType, Element action) {
    return typeReader.read(resultType, action, true, pluginSnakeCase, report,
        hint -> report.add(Diagnostic.UnsupportedResultType, action, action.getSimpleName(), display(resultType), hint),
        this::enqueue);
  }

  // resultType is null for a void method.
  private ActionModel actionModel(Element action, AnnotationMirror mirror, List<String> categories, String entrypoint,
      ClassName actionClass, String functionName, TypeElement paramsRecord, FieldType result, TypeMirror resultType) {
    String name = annotations.string(mirror, "name");
    String title = annotations.string(mirror, "title");
    String description = annotations.string(mirror, "description");
    String resultText = result instanceof FieldType.RecordType record ? record.name().reflectionName()
        : resultType == null ? "java.lang.Void" : display(resultType);
    return new ActionModel(
        action,
        mirror,
        name,
        title.isEmpty() ? name : title,
        description.isEmpty() ? Javadocs.firstSentence(elements.getDocComment(action)) : description,
        annotations.enumConstant(mirror, "method"),
        categories.isEmpty() ? null : categories.get(0),
        annotations.string(mirror, "inputType"),
        annotations.string(mirror, "outputType"),
        entrypoint,
        actionClass,
        functionName,
        typeReader.recordType(paramsRecord),
        result,
        resultText);
  }

  private DeclaredType findBaseAction(TypeElement action) {
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(action.asType()));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror type = pending.removeFirst();
      if (type.getKind() == TypeKind.ERROR) {
        report.unresolved(action, type);
        return null;
      }
      if (type.getKind() != TypeKind.DECLARED || !seen.add(type.toString())) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      if (element.getQualifiedName().contentEquals(RuntimeTypes.BASE_ACTION.canonicalName())) {
        return (DeclaredType) type;
      }
      pending.addAll(types.directSupertypes(type));
    }
    report.add(Diagnostic.ActionNotBaseAction, action, action.getQualifiedName());
    return null;
  }

  private void enqueue(TypeElement record) {
    recordQueue.putIfAbsent(record.getQualifiedName().toString(), record);
  }

  private RecordModel readRecord(TypeElement record) {
    FieldType.RecordType type = typeReader.recordType(record);
    boolean generate = typeReader.needsGeneration(record, type);
    String doc = elements.getDocComment(record);
    Map<String, String> paramDocs = Javadocs.paramTags(doc);
    boolean snakeCase = Annotations.find(record, RuntimeTypes.PARAMS.canonicalName())
        .map(params -> annotations.enumConstant(params, "wireNames"))
        .filter(naming -> !naming.equals("PLUGIN"))
        .map(naming -> naming.equals("SNAKE_CASE"))
        .orElse(pluginSnakeCase);
    List<ParamField> fields = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      String wireName = Annotations.find(component, RuntimeTypes.WIRE_NAME.canonicalName())
          .map(m -> annotations.string(m, "value"))
          .orElse(snakeCase ? Names.snakeCase(name) : name);
      FieldType fieldType = typeReader.read(component.asType(), component, false, snakeCase, report,
          hint -> report.add(Diagnostic.UnsupportedFieldType, component, name, display(component.asType()), hint),
          this::enqueue);
      if (fieldType == null) {
        continue;
      }
      Optional<DefaultValue> defaultValue = Annotations.find(component, RuntimeTypes.DEFAULT.canonicalName())
          .map(m -> new DefaultValue(annotations.string(m, "value"), m, Annotations.explicitValue(m, "value")));
      boolean secret = Annotations.find(component, RuntimeTypes.SECRET.canonicalName()).isPresent();
      fields.add(new ParamField(component, name, wireName, fieldType, constraintReader.read(component), defaultValue, secret,
          paramDocs.getOrDefault(name, "")));
    }
    return new RecordModel(record, type, List.copyOf(fields), generate, Javadocs.firstSentence(doc), declaresToString(record));
  }

  private boolean declaresToString(TypeElement record) {
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals("toString")
          && ((ExecutableElement) member).getParameters().isEmpty()
          && !member.getModifiers().contains(Modifier.STATIC)
          && isWrittenInSource(member)) {
        return true;
      }
    }
    return false;
  }

  // javac reports the record's implicit toString() as EXPLICIT; only a declared one has a source tree.
  // Without javac's trees, the implicit one is told apart by being final.
  private boolean isWrittenInSource(Element method) {
    if (trees != null) {
      return trees.getTree(method) != null;
    }
    return !method.getModifiers().contains(Modifier.FINAL);
  }

  /** A type as written in source, without type annotations. */
  static String display(TypeMirror type) {
    return type.toString().replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "").replace(",", ", ").replace(",  ", ", ");
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
