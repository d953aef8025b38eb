package io.synapse.plugins.processor.generator;

import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.Compilation;
import io.synapse.plugins.processor.model.Constraint;
import io.synapse.plugins.processor.model.DefaultValue;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.JavaName;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.model.ScalarKind;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * A small plugin's model built by hand, without javac, for the generators' unit tests: plugin
 * {@code demo_tools} in {@code com.example.demo} with a class action {@code resize} (params
 * {@code ResizeParams}, result {@code ResizeResult}) and a function action {@code touch}
 * ({@code DemoFunctions#touch}, {@code Void} result); {@link #FLOW_PLUGIN} is the same plugin declaring
 * pipeline {@code resize_flow} (its one action {@code resize}, initial params a map).
 */
final class Models {
  static final String PACKAGE = "com.example.demo";

  static final FieldType.EnumType MODE = new FieldType.EnumType(JavaName.of(PACKAGE, "Mode"), List.of("NEAREST", "BI_LINEAR"),
      List.of("nearest", "bi_linear"));
  static final FieldType.RecordType PARAMS = record("ResizeParams");
  static final FieldType.RecordType RESULT = record("ResizeResult");

  static final RecordModel RESIZE_PARAMS = new RecordModel(type(PACKAGE + ".ResizeParams"), PARAMS, List.of(
      field("inputPath", "input_path", new FieldType.Scalar(ScalarKind.STRING, false), List.of(new Constraint.NotBlank(null)), null, false),
      field("width", "width", new FieldType.Scalar(ScalarKind.INT, true), List.of(new Constraint.Min(null, 1)), "32", false),
      field("mode", "mode", MODE, List.of(), null, false),
      field("tags", "tags", new FieldType.ListType(new FieldType.Scalar(ScalarKind.STRING, false)), List.of(), "[\"a\"]", false),
      field("token", "token", new FieldType.Scalar(ScalarKind.STRING, false), List.of(), null, true)),
      true, "Parameters for resizing.", false);
  static final RecordModel RESIZE_RESULT = new RecordModel(type(PACKAGE + ".ResizeResult"), RESULT, List.of(
      field("outputPath", "output_path", new FieldType.Scalar(ScalarKind.STRING, false), List.of(), null, false),
      field("count", "count", new FieldType.Scalar(ScalarKind.INT, true), List.of(), null, false)),
      true, "", false);
  static final FieldType.RecordType NO_PARAMS = new FieldType.RecordType("io.synapse.plugins.action.NoParams",
      JavaName.of("io.synapse.plugins.action", "NoParams"), JavaName.of("io.synapse.plugins.action", "NoParams_Binder"));

  static final ActionModel RESIZE = new ActionModel(type(PACKAGE + ".ResizeAction"), null, "resize", "Resize Images",
      "Resizes images.", "TASK", null, "image", "", PACKAGE + ".ResizeAction", JavaName.of(PACKAGE, "ResizeAction"), null,
      PARAMS, RESULT, PACKAGE + ".ResizeResult");
  static final ActionModel TOUCH = new ActionModel(type(PACKAGE + ".DemoFunctions"), null, "touch-files", "touch-files", "",
      "JOB", "EXPORT", "", "", PACKAGE + ".DemoFunctions#touch", JavaName.of(PACKAGE, "DemoFunctions"), "touch",
      NO_PARAMS, new FieldType.VoidType(), "java.lang.Void");
  static final PluginModel PLUGIN = new PluginModel(pkg(PACKAGE), null, "demo_tools", "Demo Tools", "1.2.0", "CUSTOM",
      "Tools for the tests.", PACKAGE, GeneratedNames.facadeName("demo_tools"), List.of(RESIZE, TOUCH), List.of());
  static final PipelineModel PIPELINE = new PipelineModel(pkg(PACKAGE), null, "resize_flow", "Resize flow", "", List.of("resize"),
      List.of(), null);
  static final PluginModel FLOW_PLUGIN = new PluginModel(pkg(PACKAGE), null, "demo_tools", "Demo Tools", "1.2.0", "CUSTOM",
      "Tools for the tests.", PACKAGE, GeneratedNames.facadeName("demo_tools"), List.of(RESIZE, TOUCH), List.of(PIPELINE));
  static final Map<String, RecordModel> RECORDS = new Compilation(Optional.of(PLUGIN), PLUGIN.actions(),
      List.of(RESIZE_PARAMS, RESIZE_RESULT)).recordsByName();

  private Models() {}

  static Compilation compilation() {
    return new Compilation(Optional.of(PLUGIN), PLUGIN.actions(), List.of(RESIZE_PARAMS, RESIZE_RESULT));
  }

  /** The Java source text of {@code artifact}. */
  static String source(Artifact artifact) {
    return ((Artifact.JavaSource) artifact).file().toString();
  }

  /** The text of a resource {@code artifact}. */
  static String text(Artifact artifact) {
    return ((Artifact.Resource) artifact).text();
  }

  private static FieldType.RecordType record(String simpleName) {
    JavaName name = JavaName.of(PACKAGE, simpleName);
    return new FieldType.RecordType(name.canonicalName(), name, GeneratedNames.binder(name));
  }

  private static ParamField field(String name, String wireName, FieldType type, List<Constraint> constraints, String defaultText,
      boolean secret) {
    return new ParamField(null, name, wireName, type, constraints,
        Optional.ofNullable(defaultText).map(text -> new DefaultValue(text, null, null)), secret, "the " + name);
  }

  // Elements stand in for javac's: a name and a kind, which is all the generators ask of them (as
  // originating elements and for sourceName()); anything else fails loudly.
  static TypeElement type(String qualifiedName) {
    return element(TypeElement.class, ElementKind.CLASS, qualifiedName);
  }

  static PackageElement pkg(String name) {
    return element(PackageElement.class, ElementKind.PACKAGE, name);
  }

  private static <E extends Element> E element(Class<E> type, ElementKind kind, String name) {
    Object proxy = Proxy.newProxyInstance(Models.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      switch (method.getName()) {
        case "toString":
          return name;
        case "getKind":
          return kind;
        case "hashCode":
          return System.identityHashCode(self);
        case "equals":
          return self == args[0];
        default:
          throw new UnsupportedOperationException("a test element has no " + method.getName());
      }
    });
    return type.cast(proxy);
  }
}
