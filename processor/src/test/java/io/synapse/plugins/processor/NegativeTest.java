package io.synapse.plugins.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.synapse.plugins.processor.TestCompiler.compile;
import static io.synapse.plugins.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One small fixture per diagnostic: the compile fails with the catalog message on the right line. */
class NegativeTest {
  static final JavaFileObject PLUGIN = source("test.package-info",
      "@io.synapse.plugins.Plugin(code = \"p\", name = \"P\", version = \"1\")",
      "package test;");

  static JavaFileObject action(String name, String... body) {
    String[] lines = new String[body.length + 5];
    lines[0] = "package test;";
    lines[1] = "import io.synapse.plugins.*;";
    lines[2] = "import io.synapse.plugins.action.*;";
    lines[3] = "import jakarta.validation.constraints.*;";
    lines[4] = "import java.util.*;";
    System.arraycopy(body, 0, lines, 5, body.length);
    return source("test." + name, lines);
  }

  static void assertError(Compilation compilation, Diagnostic diagnostic, JavaFileObject file, String line) {
    assertThat(compilation).hadErrorContaining(diagnostic.id());
    assertThat(compilation).hadErrorContainingMatch("\\Q" + diagnostic.id() + "\\E")
        .inFile(file)
        .onLineContaining(line);
  }

  @Test
  void actionNotBaseAction() {
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")", "public class A {}");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.ActionNotBaseAction, a, "public class A");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void actionAbstract() {
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "public abstract class A extends BaseAction<NoParams, String> {}");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.ActionAbstract, a, "public abstract class A");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void actionNotPublic() {
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "class A extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.ActionNotPublic, a, "class A extends");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void actionNotStatic() {
    JavaFileObject a = action("Outer", "public class Outer {",
        "  @PluginAction(name = \"a\")",
        "  public class A extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }",
        "}");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.ActionNotStatic, a, "public class A extends");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void actionNoDefaultConstructor() {
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "public class A extends BaseAction<NoParams, String> {",
        "  public A(String x) {}",
        "  public String execute() { return \"\"; }",
        "}");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.ActionNoDefaultConstructor, a, "public class A extends");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void actionUnresolvedTypeArguments() {
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "public class A<P extends Record> extends BaseAction<P, String> { public String execute() { return \"\"; } }");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.ActionUnresolvedTypeArguments, a, "public class A<P");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void paramsNotRecord() {
    JavaFileObject p = action("P", "@Params", "public class P {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.ParamsNotRecord, p, "public class P");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void paramsClassUsedByAnActionIsOneError() {
    JavaFileObject p = action("P", "@Params", "public class P { public int epochs; }");
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "public class A extends BaseAction<P, String> { public String execute() { return \"\"; } }");
    JavaFileObject f = action("F", "public class F {",
        "  @PluginAction(name = \"f\")",
        "  public static String f(P params, io.synapse.plugins.context.RuntimeContext ctx) { return \"\"; }",
        "}");
    Compilation c = compile(PLUGIN, p, a, f);
    assertThat(c).failed();
    assertError(c, Diagnostic.ParamsNotRecord, p, "public class P");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void actionParamsClassWithoutParamsAnnotation() {
    JavaFileObject p = action("P", "public class P { public int epochs; }");
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "public class A extends BaseAction<P, String> { public String execute() { return \"\"; } }");
    Compilation c = compile(PLUGIN, p, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.ActionParamsNotRecord, a, "public class A");
    assertThat(c).hadErrorContaining("action A takes params of type test.P, which is not a record");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void paramsNotAccessible() {
    JavaFileObject p = action("Holder", "public class Holder {", "  @Params", "  private record P(int x) {}", "}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.ParamsNotAccessible, p, "private record P");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void duplicateActionNameIsReportedOnBothActions() {
    JavaFileObject a = action("A", "@PluginAction(name = \"same\")",
        "public class A extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }");
    JavaFileObject b = action("B", "@PluginAction(name = \"same\")",
        "public class B extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }");
    Compilation c = compile(PLUGIN, a, b);
    assertThat(c).failed();
    assertError(c, Diagnostic.DuplicateActionName, a, "name = \"same\"");
    assertError(c, Diagnostic.DuplicateActionName, b, "name = \"same\"");
    assertThat(c).hadErrorContaining("action name 'same' is used by both test.A and test.B");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void invalidActionNameSuggestsOne() {
    JavaFileObject a = action("A", "@PluginAction(name = \"TrainModel\")",
        "public class A extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidActionName, a, "TrainModel");
    assertThat(c).hadErrorContaining("did you mean 'train-model'?");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void invalidPluginCode() {
    JavaFileObject plugin = source("test.package-info",
        "@io.synapse.plugins.Plugin(code = \"MyPlugin\", name = \"P\", version = \"1\")", "package test;");
    Compilation c = compile(plugin);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidPluginCode, plugin, "MyPlugin");
    assertThat(c).hadErrorContaining("did you mean 'my_plugin'?");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void invalidFacadeName() {
    JavaFileObject plugin = source("test.package-info",
        "@io.synapse.plugins.Plugin(code = \"p\", name = \"P\", version = \"1\", facade = \"my facade\")",
        "package test;");
    Compilation c = compile(plugin);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidFacadeName, plugin, "my facade");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void missingPluginIsReportedOnEachAction() {
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "public class A extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }");
    JavaFileObject b = action("B", "@PluginAction(name = \"b\")",
        "public class B extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }");
    Compilation c = compile(a, b);
    assertThat(c).failed();
    assertError(c, Diagnostic.MissingPlugin, a, "public class A");
    assertError(c, Diagnostic.MissingPlugin, b, "public class B");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void duplicatePluginIsReportedOnBoth() {
    JavaFileObject a = action("A", "@Plugin(code = \"a\", name = \"A\", version = \"1\")", "public class A {}");
    JavaFileObject b = action("B", "@Plugin(code = \"b\", name = \"B\", version = \"1\")", "public class B {}");
    Compilation c = compile(a, b);
    assertThat(c).failed();
    assertError(c, Diagnostic.DuplicatePlugin, a, "public class A");
    assertError(c, Diagnostic.DuplicatePlugin, b, "public class B");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void unsupportedFieldTypesAreAllReported() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    char letter,",
        "    int[] numbers,",
        "    Map<Integer, String> byNumber,",
        "    List<?> anything,",
        "    Thread thread) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.UnsupportedFieldType, p, "char letter");
    assertError(c, Diagnostic.UnsupportedFieldType, p, "int[] numbers");
    assertError(c, Diagnostic.UnsupportedFieldType, p, "Map<Integer, String> byNumber");
    assertError(c, Diagnostic.UnsupportedFieldType, p, "List<?> anything");
    assertError(c, Diagnostic.UnsupportedFieldType, p, "Thread thread");
    assertThat(c).hadErrorContaining("use List<T>");
    assertThat(c).hadErrorCount(5);
  }

  @Test
  void unsupportedResultType() {
    JavaFileObject a = action("A", "@PluginAction(name = \"a\")",
        "public class A extends BaseAction<NoParams, java.io.File> { public java.io.File execute() { return null; } }");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.UnsupportedResultType, a, "public class A");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void invalidDefaults() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    @Default(\"abc\") int count,",
        "    @Default(\"3000000000\") int big,",
        "    @Default(\"medum\") Speed speed,",
        "    @Default(\"PT\") java.time.Duration timeout,",
        "    @Default(\"[1, \\\"x\\\"]\") List<Integer> sizes,",
        "    @Default(\"{\\\"nmae\\\": \\\"x\\\"}\") Inner inner) {",
        "  public enum Speed { SLOW, MEDIUM, FAST }",
        "  public record Inner(String name) {}",
        "}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidDefault, p, "int count");
    assertError(c, Diagnostic.InvalidDefault, p, "int big");
    assertError(c, Diagnostic.InvalidDefault, p, "Speed speed");
    assertError(c, Diagnostic.InvalidDefault, p, "Duration timeout");
    assertError(c, Diagnostic.InvalidDefault, p, "List<Integer> sizes");
    assertError(c, Diagnostic.InvalidDefault, p, "Inner inner");
    assertThat(c).hadErrorContaining("did you mean 'medium'?");
    assertThat(c).hadErrorContaining("unknown field 'nmae'; did you mean 'name'?");
    assertThat(c).hadErrorContaining("out of range for int");
    assertThat(c).hadErrorCount(6);
  }

  @Test
  void defaultViolatesConstraint() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    @Default(\"0\") @Min(1) int workers,",
        "    @Default(\"Bad Name\") @Pattern(regexp = \"[a-z]+\") String name,",
        "    @Default(\"[]\") @NotEmpty List<String> tags) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.DefaultViolatesConstraint, p, "int workers");
    assertError(c, Diagnostic.DefaultViolatesConstraint, p, "String name");
    assertError(c, Diagnostic.DefaultViolatesConstraint, p, "List<String> tags");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void constraintNotApplicable() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    @NotBlank int count,",
        "    @Min(1) String name,",
        "    @NotNull int primitive) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.ConstraintNotApplicable, p, "int count");
    assertError(c, Diagnostic.ConstraintNotApplicable, p, "String name");
    assertError(c, Diagnostic.ConstraintNotApplicable, p, "int primitive");
    assertThat(c).hadErrorContaining("@NotBlank does not apply to component 'count' of type int");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void invalidConstraint() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    @Size(min = 5, max = 2) String name,",
        "    @DecimalMin(\"abc\") double rate) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidConstraint, p, "String name");
    assertError(c, Diagnostic.InvalidConstraint, p, "double rate");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void unsupportedConstraint() {
    JavaFileObject p = action("P", "@Params", "public record P(@Future java.time.Instant when) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.UnsupportedConstraint, p, "@Future");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void invalidPattern() {
    JavaFileObject p = action("P", "@Params", "public record P(@Pattern(regexp = \"[a-\") String code) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidPattern, p, "String code");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void multipleCategories() {
    JavaFileObject a = action("A",
        "@PluginAction(name = \"a\", category = {PluginCategory.EXPORT, PluginCategory.UPLOAD})",
        "public class A extends BaseAction<NoParams, String> { public String execute() { return \"\"; } }");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.MultipleCategories, a, "category = {");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void secretInToStringIsAnErrorByDefault() {
    JavaFileObject p = secretRecord();
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.SecretInToString, p, "String password");
    assertThat(c).hadErrorContaining("declare a toString() that leaves it out or masks it");
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadWarningCount(0);
  }

  @Test
  void secretInToStringIsAWarningWithTheOptOut() {
    JavaFileObject p = secretRecord();
    Compilation c = TestCompiler.compileWithOptions(List.of("-A" + Diagnostic.SECURITY_OPTION + "=warning"), p);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Diagnostic.SecretInToString.id()).inFile(p).onLineContaining("String password");
    assertThat(c).hadWarningCount(1);
    assertThat(c).generatedSourceFile("test.P_Binder");
  }

  @Test
  void securityOptionWithAnotherValueIsAnErrorAndTheDefaultHolds() {
    for (String value : List.of("warn", "off", "WARNING", "error ", "true")) {
      Compilation c = TestCompiler.compileWithOptions(List.of("-A" + Diagnostic.SECURITY_OPTION + "=" + value), secretRecord());
      assertThat(c).failed();
      assertThat(c).hadErrorContaining(Diagnostic.InvalidProcessorOption.id() + " processor option -A"
          + Diagnostic.SECURITY_OPTION + "=" + value + " is not valid");
      assertThat(c).hadErrorContaining(Diagnostic.SecretInToString.id());
      assertThat(c).hadErrorCount(2);
    }
    Compilation explicit = TestCompiler.compileWithOptions(List.of("-A" + Diagnostic.SECURITY_OPTION + "=error"), secretRecord());
    assertThat(explicit).hadErrorContaining(Diagnostic.SecretInToString.id());
    assertThat(explicit).hadErrorCount(1);
  }

  @Test
  void secretRecordDeclaringToStringCompilesQuietly() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    String user,",
        "    @Secret String password) {",
        "  @Override public String toString() { return \"P[user=\" + user + \", password=***]\"; }",
        "}");
    Compilation c = compile(p);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
  }

  private static JavaFileObject secretRecord() {
    return action("P", "@Params", "public record P(",
        "    String user,",
        "    @Secret String password) {}");
  }

  @Test
  void unresolvedTypeIsReportedOnlyAtTheEnd() {
    JavaFileObject p = action("P", "@Params", "public record P(Missing missing) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.UnresolvedType, p, "Missing missing");
    assertThat(c).hadErrorContaining("cannot find symbol");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void manyProblemsAreReportedInOneCompile() {
    JavaFileObject a = action("A", "@PluginAction(name = \"Bad Name\")",
        "public abstract class A extends BaseAction<A.P, String> {",
        "  public record P(@Min(1) String name, char c) {}",
        "}");
    Compilation c = compile(PLUGIN, a);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidActionName, a, "Bad Name");
    assertError(c, Diagnostic.ActionAbstract, a, "public abstract class A");
    assertError(c, Diagnostic.ConstraintNotApplicable, a, "String name");
    assertError(c, Diagnostic.UnsupportedFieldType, a, "char c");
    assertThat(c).hadErrorCount(4);
  }
}
