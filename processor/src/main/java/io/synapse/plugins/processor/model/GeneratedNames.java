package io.synapse.plugins.processor.model;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * How everything the processor generates is named, in one place: the classes (siblings of their source
 * with a suffix, nested types flattened, per-plugin aggregates named after the plugin), their members'
 * names, and the resource paths. {@code docs/generated-code.md} lists the same rules for readers.
 */
public final class GeneratedNames {
  /**
   * The binder SPI version generated code is written for; the runtime's {@code PluginRegistry.SPI_VERSION}
   * must say the same (a test compares them), and its discovery refuses registries of another version.
   */
  public static final int SPI_VERSION = 2;

  /** Where the registry is registered for {@link java.util.ServiceLoader}. */
  public static final String SERVICE_FILE = "META-INF/services/io.synapse.plugins.spi.PluginRegistry";

  private GeneratedNames() {}

  /** {@code <Record>_Binder} beside the record: {@code Outer.Inner} gives {@code Outer_Inner_Binder}. */
  public static JavaName binder(JavaName record) {
    return JavaName.of(record.packageName(), record.flatName() + "_Binder");
  }

  /** {@code <Action>_Descriptor} beside the action class, or {@code <Class>_<method>_Descriptor} for a function-based action. */
  public static JavaName descriptor(JavaName actionClass, String functionName) {
    return JavaName.of(actionClass.packageName(),
        actionClass.flatName() + (functionName == null ? "" : "_" + functionName) + "_Descriptor");
  }

  /** The class inside a function-based action's descriptor that runs the method as an action. */
  public static JavaName functionAction(JavaName descriptor) {
    return descriptor.nested("Action");
  }

  /** The plugin's facade: {@code @Plugin(facade)}, else the code in PascalCase. */
  public static JavaName facade(String pluginPackage, String facadeName) {
    return JavaName.of(pluginPackage, facadeName);
  }

  /** The plugin's registry: {@code <Facade>Registry}. */
  public static JavaName registry(String pluginPackage, String facadeName) {
    return JavaName.of(pluginPackage, facadeName + "Registry");
  }

  /** A facade's default name: {@code my_plugin} and {@code my-plugin} give {@code MyPlugin}. */
  public static String facadeName(String code) {
    StringBuilder out = new StringBuilder();
    for (String part : code.split("[_\\-]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** A facade method of a declared pipeline: {@code train_flow} gives {@code trainFlowPipeline}. */
  public static String facadePipelineMethod(String pipelineName) {
    return facadeMethod(pipelineName) + "Pipeline";
  }

  /** A facade method: {@code train-model} gives {@code trainModel}; a Java keyword gets a trailing underscore. */
  public static String facadeMethod(String actionName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : actionName.toCharArray()) {
      if (c == '-' || c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    String method = out.toString();
    return SourceVersion.isKeyword(method) ? method + "_" : method;
  }

  /** A constant for a name: {@code train-model} and {@code trainModel} give {@code TRAIN_MODEL}. */
  public static String constant(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }

  /** {@code META-INF/synapse/<code>/config.yaml}. */
  public static String configYaml(String pluginCode) {
    return "META-INF/synapse/" + pluginCode + "/config.yaml";
  }

  /** {@code META-INF/synapse/<code>/schemas/<action>.<side>.schema.json}; side is {@code params} or {@code result}. */
  public static String schema(String pluginCode, String actionName, String side) {
    return "META-INF/synapse/" + pluginCode + "/schemas/" + actionName + "." + side + ".schema.json";
  }

  /** {@code META-INF/synapse/<code>/pipelines/<pipeline>.params.schema.json}: a pipeline's initial params. */
  public static String pipelineSchema(String pluginCode, String pipelineName) {
    return "META-INF/synapse/" + pluginCode + "/pipelines/" + pipelineName + ".params.schema.json";
  }

  /** {@code META-INF/native-image/io.synapse.plugins/<code>/resource-config.json}. */
  public static String nativeImageResourceConfig(String pluginCode) {
    return "META-INF/native-image/io.synapse.plugins/" + pluginCode + "/resource-config.json";
  }
}
