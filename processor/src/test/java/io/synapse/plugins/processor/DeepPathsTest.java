package io.synapse.plugins.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.spi.RecordBinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated binders hand nested records, list elements and map entries a lazy path: the violation
 * paths of records nested up to 64 levels deep (directly and through lists and maps) are still spelled
 * out in full, exactly, at every depth.
 */
class DeepPathsTest {
  @TempDir
  static Path output;

  private static URLClassLoader loader;
  private static RecordBinder<?> binder;

  @BeforeAll
  static void compileAndLoad() throws Exception {
    Compilation compilation = TestCompiler.compile(TestCompiler.source("test.Deep",
        "package test;",
        "import jakarta.validation.constraints.Min;",
        "import jakarta.validation.constraints.NotBlank;",
        "import java.util.List;",
        "import java.util.Map;",
        "@io.synapse.plugins.Params",
        "public record Deep(Node root) {",
        "  public record Node(@NotBlank String name, @Min(0) Integer size, Node next, List<Node> items,",
        "      Map<String, Node> lookup) {}",
        "}"));
    assertThat(compilation).succeeded();
    GeneratedFiles.writeAll(compilation, output);
    loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, DeepPathsTest.class.getClassLoader());
    binder = (RecordBinder<?>) loader.loadClass("test.Deep_Binder").getField("INSTANCE").get(null);
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  private static Map<String, Object> node(String name) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("name", name);
    return node;
  }

  // A chain of `depth` nodes under "root"; the node at depth k (1-based) is nodes.get(k - 1).
  private static List<Map<String, Object>> chain(int depth) {
    List<Map<String, Object>> nodes = new java.util.ArrayList<>();
    for (int k = 1; k <= depth; k++) {
      Map<String, Object> node = node("n" + k);
      if (k > 1) {
        nodes.get(k - 2).put("next", node);
      }
      nodes.add(node);
    }
    return nodes;
  }

  // The path of the node at depth k of the chain, spelled out by hand.
  private static String chainPath(int k) {
    return "root" + ".next".repeat(k - 1);
  }

  private static List<Violation> violations(Object input) {
    return assertThrows(ValidationError.class, () -> binder.bind(input)).violations();
  }

  @Test
  void aViolationAtTheBottomOfSixtyFourLevelsHasItsFullPath() {
    List<Map<String, Object>> nodes = chain(64);
    nodes.get(63).put("name", " ");
    assertThat(violations(Map.of("root", nodes.get(0)))).containsExactly(
        new Violation("root" + ".next".repeat(63) + ".name", "must not be blank", "NotBlank"));
    assertThat(chainPath(64) + ".name").hasLength("root".length() + 63 * ".next".length() + ".name".length());
  }

  @Test
  void violationsAtSeveralDepthsEachHaveTheirOwnPath() {
    List<Map<String, Object>> nodes = chain(64);
    nodes.get(0).put("name", "");
    nodes.get(1).put("size", -1);
    nodes.get(16).put("size", "many");
    nodes.get(31).put("nxet", Map.of());
    nodes.get(47).remove("name");
    nodes.get(47).put("name", "\t");
    nodes.get(62).put("next", "not an object");
    List<Violation> found = violations(Map.of("root", nodes.get(0)));
    assertThat(found).containsExactly(
        new Violation("root.name", "must not be blank", "NotBlank"),
        new Violation(chainPath(2) + ".size", "must be greater than or equal to 0", "Min"),
        new Violation(chainPath(17) + ".size", "must be an integer, not a string", "Type"),
        new Violation(chainPath(32) + ".nxet", "is not a known field; did you mean 'next'?", "UnknownField"),
        new Violation(chainPath(48) + ".name", "must not be blank", "NotBlank"),
        new Violation(chainPath(64), "must be an object, not a string", "Type"));
  }

  @Test
  void pathsThroughListsAndMapsOfRecordsAreExact() {
    Map<String, Object> bottom = node(" ");
    Map<String, Object> viaNext = node("b");
    viaNext.put("next", bottom);
    Map<String, Object> keyed = node("k");
    keyed.put("items", List.of(node("i0"), viaNext));
    Map<String, Object> plain = node("p");
    plain.put("size", -5);
    Map<String, Object> byKey = new LinkedHashMap<>();
    byKey.put("a b", keyed);
    byKey.put("plain_key", plain);
    Map<String, Object> root = node("r");
    Map<String, Object> second = node("s");
    second.put("lookup", byKey);
    root.put("items", List.of(node("x"), node("y"), second));
    List<Violation> found = violations(Map.of("root", root));
    assertThat(found).containsExactly(
        new Violation("root.items[2].lookup[\"a b\"].items[1].next.name", "must not be blank", "NotBlank"),
        new Violation("root.items[2].lookup.plain_key.size", "must be greater than or equal to 0", "Min"));
  }

  @Test
  void aValidChainOfSixtyFourLevelsBindsEveryLevel() {
    List<Map<String, Object>> nodes = chain(64);
    Record bound = (Record) binder.bind(Map.of("root", nodes.get(0)));
    String text = bound.toString();
    assertThat(text).contains("name=n1,");
    assertThat(text).contains("name=n64,");
  }
}
