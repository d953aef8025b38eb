package io.synapse.plugins.processor;

import javax.tools.Diagnostic.Kind;

/**
 * The catalog of every message the processor prints. Each message starts with a stable id
 * ({@code [Synapse/DuplicateActionName]}) so that users can search for it and tests can assert on it.
 */
public enum Diagnostic {
  ActionNotBaseAction("@PluginAction class %s must extend io.synapse.plugins.action.BaseAction<P, R>"),
  ActionAbstract("action %s is abstract: an action must be a concrete class"),
  ActionNotPublic("action %s must be public, and so must every class enclosing it"),
  ActionNotStatic("action %s is an inner class: make it top-level or a static nested class"),
  ActionNoDefaultConstructor("action %s needs a public no-argument constructor"),
  ActionUnresolvedTypeArguments(
      "action %s must give BaseAction concrete type arguments (a params record and a result type), not %s"),
  FunctionActionSignature("function action %s must be declared public static R name(P params, RuntimeContext ctx),"
      + " with P a params record, not take (%s)"),
  FunctionActionNotStatic("function action %s must be a static method"),
  FunctionActionDeprecated("function action %s: @PluginAction on a method is deprecated, as the seeds' @action is,"
      + " and will be removed; write a class extending BaseAction instead", Kind.WARNING),
  ParamsNotRecord("@Params type %s is not a record: params must be records"),
  ParamsNotAccessible(
      "%s is not accessible from the generated code in package %s: make it (and every class enclosing it) public"),
  DuplicateActionName("action name '%s' is used by both %s and %s"),
  InvalidActionName("action name '%s' of %s must match [a-z][a-z0-9_\\-]*%s"),
  InvalidPluginCode("plugin code '%s' must match [a-z][a-z0-9_\\-]*%s"),
  InvalidFacadeName("facade name '%s' is not a valid Java class name"),
  MissingPlugin(
      "action %s belongs to no plugin: add @Plugin(code = ..., name = ..., version = ...) to package-info.java"
          + " of the plugin's package"),
  DuplicatePlugin("only one @Plugin is allowed per module, but %s also declares one"),
  UnsupportedFieldType("component '%s' has type %s, which params records do not support%s"),
  UnsupportedResultType("action %s has result type %s, which is not supported%s"),
  InvalidDefault("@Default(\"%s\") of component '%s' does not fit type %s: %s"),
  DefaultViolatesConstraint("@Default(\"%s\") of component '%s' breaks its own constraint: %s"),
  DuplicateWireName("components '%s' and '%s' of %s both answer to the key '%s': give one of them another name with @WireName"),
  InvalidWireName("@WireName(\"%s\") of %s is not a valid wire name: start with a letter or '_', then letters, digits, '_' or '-'"),
  DuplicateEnumWireValue("enum constants %s and %s of %s both answer to the value '%s': give one of them another @WireName"),
  UnsatisfiableConstraints("component '%s' of type %s can hold no value: %s"),
  ConstraintNotApplicable("@%s does not apply to component '%s' of type %s"),
  InvalidConstraint("@%s of component '%s' is invalid: %s"),
  UnsupportedConstraint("@%s on component '%s' is an unsupported constraint (supported: %s)"),
  InvalidPattern("@%s regexp of component '%s' does not compile: %s"),
  MultipleCategories("action %s gives %s categories: give at most one"),
  SecretInToString(
      "component '%s' is @Secret but %s does not declare toString(): the record's generated toString() would print it",
      Kind.WARNING),
  InvalidPipelineName("pipeline name '%s' must match [a-z][a-z0-9_]*"),
  DuplicatePipelineName("pipeline name '%s' is used twice (the facade method %s would be declared twice)"),
  PipelineEmpty("pipeline '%s' has no action: list at least one in actions"),
  PipelineUnknownAction("pipeline '%s' names action '%s', which the plugin does not have%s"),
  PipelineParamsNotRecord("the initial params of pipeline '%s' must be a record, not %s"),
  PipelineWithoutPlugin("pipeline '%s' belongs to no plugin: add @Plugin to the module"),
  // The pipeline rules' own messages (io.synapse.plugins.pipeline.PipelineChecks, shared with the runtime).
  PipelineIncompatibleTypes("pipeline '%s': %s"),
  PipelineFieldTypeMismatch("pipeline '%s': %s"),
  PipelineParamNotProvided("pipeline '%s': %s"),
  PipelineUnknownParam("pipeline '%s': %s"),
  UnresolvedType("type %s used by %s could not be resolved"),
  InternalError("internal error while processing %s: %s (please report this as a bug)");

  private final String format;
  private final Kind kind;

  Diagnostic(String format) {
    this(format, Kind.ERROR);
  }

  Diagnostic(String format, Kind kind) {
    this.format = format;
    this.kind = kind;
  }

  /** The stable id printed before every message, e.g. {@code [Synapse/DuplicateActionName]}. */
  public String id() {
    return "[Synapse/" + name() + "]";
  }

  /** Whether it is an error or a warning. */
  public Kind kind() {
    return kind;
  }

  /** The full message for {@code args}. */
  public String format(Object... args) {
    return id() + " " + String.format(java.util.Locale.ROOT, format, args);
  }
}
