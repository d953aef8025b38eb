package io.synapse.plugins.processor;

import com.palantir.javapoet.ClassName;

/**
 * Every runtime type the generated code and the processor refer to, by name only: the processor never
 * has the runtime on its class path. {@code RuntimeTypesTest} resolves each constant against the real
 * runtime so a rename there breaks the build here.
 */
public final class RuntimeTypes {
  private RuntimeTypes() {}

  private static final String ROOT = "io.synapse.plugins";
  private static final String SPI = ROOT + ".spi";

  public static final ClassName PLUGIN = ClassName.get(ROOT, "Plugin");
  public static final ClassName PLUGIN_ACTION = ClassName.get(ROOT, "PluginAction");
  public static final ClassName PARAMS = ClassName.get(ROOT, "Params");
  public static final ClassName PLUGIN_PIPELINE = ClassName.get(ROOT, "PluginPipeline");
  public static final ClassName PLUGIN_PIPELINE_LIST = ClassName.get(ROOT, "PluginPipeline", "List");
  public static final ClassName DEFAULT = ClassName.get(ROOT, "Default");
  public static final ClassName SECRET = ClassName.get(ROOT, "Secret");
  public static final ClassName WIRE_NAME = ClassName.get(ROOT, "WireName");
  public static final ClassName WIRE_NAMES = ClassName.get(ROOT, "WireNames");
  public static final ClassName RUN_METHOD = ClassName.get(ROOT, "RunMethod");
  public static final ClassName PLUGIN_CATEGORY = ClassName.get(ROOT, "PluginCategory");

  public static final ClassName BASE_ACTION = ClassName.get(ROOT + ".action", "BaseAction");
  public static final ClassName NO_PARAMS = ClassName.get(ROOT + ".action", "NoParams");
  public static final ClassName RUNTIME_CONTEXT = ClassName.get(ROOT + ".context", "RuntimeContext");

  public static final ClassName RECORD_BINDER = ClassName.get(SPI, "RecordBinder");
  public static final ClassName RECORD_WRITER = ClassName.get(SPI, "RecordWriter");
  public static final ClassName VALUE_READER = ClassName.get(SPI, "ValueReader");
  public static final ClassName VALUE_WRITER = ClassName.get(SPI, "ValueWriter");
  public static final ClassName READERS = ClassName.get(SPI, "Readers");
  public static final ClassName WRITERS = ClassName.get(SPI, "Writers");
  public static final ClassName CHECKS = ClassName.get(SPI, "Checks");
  public static final ClassName DEFAULTS = ClassName.get(SPI, "Defaults");
  public static final ClassName VIOLATIONS = ClassName.get(SPI, "Violations");
  public static final ClassName VALUE_PATH = ClassName.get(SPI, "ValuePath");
  public static final ClassName SECRETS = ClassName.get(SPI, "Secrets");
  public static final ClassName ACTION_DESCRIPTOR = ClassName.get(SPI, "ActionDescriptor");
  public static final ClassName GENERATED_ACTION_DESCRIPTOR = ClassName.get(SPI, "GeneratedActionDescriptor");
  public static final ClassName PLUGIN_REGISTRY = ClassName.get(SPI, "PluginRegistry");
  public static final ClassName SYNAPSE_GENERATED = ClassName.get(SPI, "SynapseGenerated");
  public static final ClassName ACTION_SHAPE = ClassName.get(SPI, "ActionShape");
  public static final ClassName FIELD_SHAPE = ClassName.get(SPI, "FieldShape");

  public static final ClassName ACTION_CONFIG = ClassName.get(ROOT + ".config", "ActionConfig");
  public static final ClassName PLUGIN_CONFIG = ClassName.get(ROOT + ".config", "PluginConfig");
  public static final ClassName PIPELINE_CONFIG = ClassName.get(ROOT + ".config", "PipelineConfig");
  public static final ClassName PLUGIN_DISCOVERY = ClassName.get(ROOT + ".discovery", "PluginDiscovery");
  public static final ClassName PIPELINE = ClassName.get(ROOT + ".pipeline", "Pipeline");
  public static final ClassName PIPELINES = ClassName.get(ROOT + ".pipeline", "Pipelines");
  public static final ClassName RUN_OPTIONS = ClassName.get(ROOT, "RunOptions");
  public static final ClassName EXECUTION_MODE = ClassName.get(ROOT, "ExecutionMode");
  public static final ClassName VALIDATION_ERROR = ClassName.get(ROOT + ".errors", "ValidationError");
  public static final ClassName EXECUTOR = ClassName.get(ROOT + ".executors", "Executor");
  public static final ClassName LOCAL_EXECUTOR = ClassName.get(ROOT + ".executors", "LocalExecutor");
  public static final ClassName JOB_EXECUTOR = ClassName.get(ROOT + ".executors", "JobExecutor");
  public static final ClassName JOB_HANDLE = ClassName.get(ROOT + ".executors", "JobHandle");

  /** The jakarta constraints package, read by name (the processor does not depend on jakarta either). */
  public static final String JAKARTA_CONSTRAINTS = "jakarta.validation.constraints";
}
