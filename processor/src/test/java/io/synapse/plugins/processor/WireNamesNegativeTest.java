package io.synapse.plugins.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.synapse.plugins.processor.NegativeTest.PLUGIN;
import static io.synapse.plugins.processor.NegativeTest.action;
import static io.synapse.plugins.processor.NegativeTest.assertError;
import static io.synapse.plugins.processor.TestCompiler.compile;
import static io.synapse.plugins.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics of wire names and function-based actions: one small fixture each, on the right line. */
class WireNamesNegativeTest {

  @Test
  void twoComponentsAnsweringToOneKeyAreReportedOnBoth() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    String inputPath,",
        "    String input_path,",
        "    @WireName(\"batchSize\") int size,",
        "    int batchSize) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.DuplicateWireName, p, "String inputPath");
    assertError(c, Diagnostic.DuplicateWireName, p, "String input_path");
    assertError(c, Diagnostic.DuplicateWireName, p, "int size");
    assertError(c, Diagnostic.DuplicateWireName, p, "int batchSize");
    assertThat(c).hadErrorContaining("components 'inputPath' and 'input_path' of P both answer to the key 'input_path'");
    assertThat(c).hadErrorContaining("components 'size' and 'batchSize' of P both answer to the key 'batchSize'");
    assertThat(c).hadErrorCount(4);
  }

  @Test
  void javaNamingKeepsSnakeCaseComponentsApart() {
    JavaFileObject p = action("P", "@Params(wireNames = WireNames.JAVA)", "public record P(String inputPath, String input_path) {}");
    assertThat(compile(p)).succeeded();
  }

  @Test
  void invalidWireNames() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    @WireName(\"input.path\") String a,",
        "    @WireName(\"\") String b,",
        "    @WireName(\"9lives\") String c,",
        "    @WireName(\"ok-name_2\") String d) {}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidWireName, p, "String a");
    assertError(c, Diagnostic.InvalidWireName, p, "String b");
    assertError(c, Diagnostic.InvalidWireName, p, "String c");
    assertThat(c).hadErrorContaining("@WireName(\"input.path\") of component 'a' is not a valid wire name");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void enumConstantsAnsweringToOneValue() {
    JavaFileObject e = action("Mode", "public enum Mode {",
        "  FAST_MODE,",
        "  @WireName(\"fast_mode\") QUICK,",
        "  Slow,",
        "  SLOW,",
        "  @WireName(\"turbo\") TURBO_X",
        "}");
    JavaFileObject p = action("P", "@Params", "public record P(Mode mode) {}");
    Compilation c = compile(e, p);
    assertThat(c).failed();
    assertError(c, Diagnostic.DuplicateEnumWireValue, e, "QUICK");
    assertError(c, Diagnostic.DuplicateEnumWireValue, e, "SLOW,");
    assertThat(c).hadErrorContaining("enum constants FAST_MODE and QUICK of Mode both answer to the value 'fast_mode'");
    assertThat(c).hadErrorContaining("enum constants Slow and SLOW of Mode both answer to the value 'slow'");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aDefaultMayNameRecordFieldsEitherWayButNotBoth() {
    JavaFileObject p = action("P", "@Params", "public record P(",
        "    @Default(\"{\\\"maxSize\\\": 3}\") Inner java,",
        "    @Default(\"{\\\"max_size\\\": 3}\") Inner wire,",
        "    @Default(\"{\\\"max_size\\\": 3, \\\"maxSize\\\": 4}\") Inner both) {",
        "  public record Inner(int maxSize) {}",
        "}");
    Compilation c = compile(p);
    assertThat(c).failed();
    assertError(c, Diagnostic.InvalidDefault, p, "Inner both");
    assertThat(c).hadErrorContaining("field 'max_size' is given twice, as 'max_size' and as 'maxSize'");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void functionActionWithAWrongSignature() {
    JavaFileObject f = action("F", "public class F {",
        "  public record P(int x) {}",
        "  @PluginAction(name = \"one\")",
        "  public static String one(P params) { return \"\"; }",
        "  @PluginAction(name = \"two\")",
        "  public static String two(String params, io.synapse.plugins.context.RuntimeContext ctx) { return \"\"; }",
        "}");
    Compilation c = compile(PLUGIN, f);
    assertThat(c).failed();
    assertError(c, Diagnostic.FunctionActionSignature, f, "String one(P params)");
    assertError(c, Diagnostic.FunctionActionSignature, f, "String two(String params");
    assertThat(c).hadErrorContaining("function action F.two must be declared public static R name(P params, RuntimeContext ctx),"
        + " with P a params record, not take (java.lang.String, io.synapse.plugins.context.RuntimeContext)");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void functionActionMustBePublicAndStatic() {
    JavaFileObject f = action("F", "public class F {",
        "  public record P(int x) {}",
        "  @PluginAction(name = \"inst\")",
        "  public String inst(P params, io.synapse.plugins.context.RuntimeContext ctx) { return \"\"; }",
        "  @PluginAction(name = \"hidden\")",
        "  static String hidden(P params, io.synapse.plugins.context.RuntimeContext ctx) { return \"\"; }",
        "}");
    Compilation c = compile(PLUGIN, f);
    assertThat(c).failed();
    assertError(c, Diagnostic.FunctionActionNotStatic, f, "public String inst(");
    assertError(c, Diagnostic.ActionNotPublic, f, "static String hidden(");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void functionActionsAreDeprecatedWithAWarning() {
    JavaFileObject f = action("F", "public class F {",
        "  public record P(int x) {}",
        "  @PluginAction(name = \"fn\")",
        "  public static int fn(P params, io.synapse.plugins.context.RuntimeContext ctx) { return params.x(); }",
        "}");
    Compilation c = compile(PLUGIN, f);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Diagnostic.FunctionActionDeprecated.id()).inFile(f).onLineContaining("public static int fn(");
    assertThat(c).hadWarningCount(1);
    assertThat(c).generatedSourceFile("test.F_fn_Descriptor");
  }

  @Test
  void functionActionWithoutAPlugin() {
    JavaFileObject f = source("test.F", "package test;", "public class F {",
        "  public record P(int x) {}",
        "  @io.synapse.plugins.PluginAction(name = \"fn\")",
        "  public static int fn(P params, io.synapse.plugins.context.RuntimeContext ctx) { return 1; }",
        "}");
    Compilation c = compile(f);
    assertThat(c).failed();
    assertError(c, Diagnostic.MissingPlugin, f, "public static int fn(");
    assertThat(c).hadErrorContaining("action test.F.fn belongs to no plugin");
  }
}
