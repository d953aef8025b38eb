package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature of YAML and JSON a params text can hold, and the hostile ones: each binds to what the
 * document means or is refused, the whole text with a usage error naming where, or field by field
 * with violations naming the path, the constraint and the line. Never silently something else.
 */
class ParamsTextHostileTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path temp;

  /** What a text must give: a value, violations ("path:Constraint"), or a usage error holding a phrase. */
  record Case(String name, boolean yaml, String text, Object value, List<String> violations, String usage) {
    static Case value(String name, boolean yaml, String text, Object value) {
      return new Case(name, yaml, text, value, null, null);
    }

    static Case violations(String name, boolean yaml, String text, String... violations) {
      return new Case(name, yaml, text, null, List.of(violations), null);
    }

    static Case usage(String name, boolean yaml, String text, String phrase) {
      return new Case(name, yaml, text, null, null, phrase);
    }

    @Override
    public String toString() {
      return (yaml ? "YAML " : "JSON ") + name;
    }
  }

  static final boolean YAML = true;
  static final boolean JSON = false;

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // YAML: structure
    cases.add(Case.violations("anchor and alias", YAML, "a: &x 1\nb: *x\n", "a:YamlAnchor", "b:YamlAlias"));
    cases.add(Case.violations("alias of a mapping", YAML, "base: &b {x: 1}\ncopy: *b\n", "base:YamlAnchor", "copy:YamlAlias"));
    cases.add(Case.violations("merge key with an alias", YAML, "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
        "base:YamlAnchor", "c.<<:YamlMergeKey", "c.<<:YamlAlias"));
    cases.add(Case.violations("merge key inline", YAML, "c:\n  <<: {x: 1}\n  y: 2\n", "c.<<:YamlMergeKey"));
    cases.add(Case.violations("billion laughs", YAML, laughs(), laughsViolations()));
    cases.add(Case.violations("tag !!str", YAML, "a: !!str 123\n", "a:YamlTag"));
    cases.add(Case.violations("tag !!int on text", YAML, "a: !!int '12'\n", "a:YamlTag"));
    cases.add(Case.violations("tag !!binary", YAML, "a: !!binary aGVsbG8=\n", "a:YamlTag"));
    cases.add(Case.violations("local tag", YAML, "a: !custom x\n", "a:YamlTag"));
    cases.add(Case.violations("python object tag", YAML, "a: !!python/object/apply:os.system [ls]\n", "a:YamlTag"));
    cases.add(Case.violations("tag on a mapping", YAML, "a: !!map {x: 1}\n", "a:YamlTag"));
    cases.add(Case.violations("tag on a set", YAML, "a: !!set {x: null}\n", "a:YamlTag"));
    cases.add(Case.usage("two documents", YAML, "a: 1\n---\nb: 2\n", "more than one YAML document"));
    cases.add(Case.usage("a second, empty document", YAML, "a: 1\n--- \n", "more than one YAML document"));
    cases.add(Case.value("one document with markers", YAML, "---\na: 1\n...\n", Map.of("a", 1)));
    cases.add(Case.usage("%YAML directive", YAML, "%YAML 1.1\n---\na: 0755\n", "%YAML or %TAG directive"));
    cases.add(Case.usage("%TAG directive", YAML, "%TAG !e! tag:example.com,2000:\n---\na: 1\n", "%YAML or %TAG directive"));
    // YAML: keys
    cases.add(Case.violations("duplicate key", YAML, "a: 1\nb: 2\na: 3\n", "a:DuplicateKey"));
    cases.add(Case.violations("duplicate key, quoted and plain", YAML, "a: 1\n'a': 2\n", "a:DuplicateKey"));
    cases.add(Case.violations("duplicate nested key", YAML, "size:\n  w: 1\n  w: 2\n", "size.w:DuplicateKey"));
    cases.add(Case.violations("duplicate key in a list item", YAML, "layers:\n  - {size: 1, size: 2}\n", "layers[0].size:DuplicateKey"));
    cases.add(Case.violations("a key given three times", YAML, "a: 1\na: 2\na: 3\n", "a:DuplicateKey", "a:DuplicateKey"));
    cases.add(Case.violations("integer key", YAML, "labels:\n  1: cat\n", "labels.1:NonStringKey"));
    cases.add(Case.violations("boolean key", YAML, "true: x\n", "true:NonStringKey"));
    cases.add(Case.violations("null key", YAML, "~: x\n", "~:NonStringKey"));
    cases.add(Case.violations("decimal key", YAML, "1.5: x\n", "1.5:NonStringKey"));
    cases.add(Case.violations("octal-looking key", YAML, "0755: x\n", "0755:NonStringKey"));
    cases.add(Case.violations("a list as a key", YAML, "? [a, b]\n: c\n", "(key on line 1):NonStringKey"));
    cases.add(Case.violations("a mapping as a key", YAML, "? {a: 1}\n: c\n", "(key on line 1):NonStringKey"));
    cases.add(Case.value("quoted number-like keys are text", YAML, "'1': a\n\"true\": b\n'~': c\n", Map.of("1", "a", "true", "b", "~", "c")));
    cases.add(Case.value("an empty key", YAML, "'': x\n", Map.of("", "x")));
    // YAML: scalars (core schema)
    cases.add(Case.violations("special floats", YAML, "a: .inf\nb: -.Inf\nc: .NaN\n", "a:SpecialFloat", "b:SpecialFloat", "c:SpecialFloat"));
    cases.add(Case.value("quoted special floats are text", YAML, "a: '.inf'\nb: \".nan\"\n", Map.of("a", ".inf", "b", ".nan")));
    for (String ambiguous : List.of("0755", "-012", "08", "00", "0o17", "0b101", "+0x1F", "0x_1", "1_000", "1_000.5", ".5_0",
        "9:30", "12:30", "-1:30:00", "1:20.5", "0_7")) {
      cases.add(Case.violations("ambiguous number " + ambiguous, YAML, "a: " + ambiguous + "\n", "a:AmbiguousNumber"));
      cases.add(Case.value("quoted " + ambiguous + " is text", YAML, "a: '" + ambiguous + "'\n", Map.of("a", ambiguous)));
    }
    cases.add(Case.value("numbers both YAML versions agree on", YAML,
        "a: 0\nb: -0\nc: 12\nd: +12\ne: 0x1F\nf: 0.5\ng: .5\nh: 1.\ni: 1.5e+3\nj: 00.5\nk: -.5\n",
        map("a", 0, "b", 0, "c", 12, "d", 12, "e", 31, "f", new BigDecimal("0.5"), "g", new BigDecimal(".5"), "h", new BigDecimal("1."),
            "i", new BigDecimal("1.5e+3"), "j", new BigDecimal("00.5"), "k", new BigDecimal("-.5"))));
    cases.add(Case.value("exponents without a dot are YAML 1.2 numbers", YAML, "lr: 1e-3\nn: 1E3\n",
        Map.of("lr", new BigDecimal("1e-3"), "n", new BigDecimal("1E3"))));
    cases.add(Case.value("long and big integers", YAML, "a: 3000000000\nb: 123456789012345678901234567890\n",
        Map.of("a", 3_000_000_000L, "b", new BigInteger("123456789012345678901234567890"))));
    cases.add(Case.value("decimals keep every digit", YAML, "a: 0.1000000000000000000001\n", Map.of("a", new BigDecimal("0.1000000000000000000001"))));
    cases.add(Case.value("a huge exponent is a number (binding refuses it)", YAML, "a: 1e999999999\n", Map.of("a", new BigDecimal("1e999999999"))));
    cases.add(Case.usage("an integer over 1000 digits", YAML, "a: " + "9".repeat(1001) + "\n", "longer than 1000 digits"));
    cases.add(Case.value("YAML 1.1 booleans are text", YAML, "a: yes\nb: no\nc: on\nd: off\ne: y\nf: N\n",
        map("a", "yes", "b", "no", "c", "on", "d", "off", "e", "y", "f", "N")));
    cases.add(Case.value("YAML 1.2 booleans", YAML, "a: true\nb: False\nc: TRUE\nd: tRue\n", map("a", true, "b", false, "c", true, "d", "tRue")));
    cases.add(Case.value("nulls", YAML, "a: ~\nb: null\nc: Null\nd:\ne: NuLL\n", map("a", null, "b", null, "c", null, "d", null, "e", "NuLL")));
    cases.add(Case.value("times and dates are text", YAML, "t: 09:30\nd: 2024-01-01\nts: 2024-01-01T10:00:00Z\n",
        Map.of("t", "09:30", "d", "2024-01-01", "ts", "2024-01-01T10:00:00Z")));
    cases.add(Case.value("block scalars", YAML, "a: |\n  x\n  y\nb: >\n  x\n  y\n", Map.of("a", "x\ny\n", "b", "x y\n")));
    cases.add(Case.value("comments", YAML, "# params\na: 1 # one\n", Map.of("a", 1)));
    cases.add(Case.value("only comments is no params", YAML, "# nothing\n", null));
    cases.add(Case.value("an empty text is no params", YAML, "", null));
    cases.add(Case.value("a byte-order mark is dropped", YAML, "\uFEFFa: 1\n", Map.of("a", 1)));
    cases.add(Case.value("a byte-order mark inside a value is kept", YAML, "a: 'x\uFEFFy'\n", Map.of("a", "x\uFEFFy")));
    cases.add(Case.value("non-BMP text", YAML, "a: \"\\U0001F600 😀\"\n", Map.of("a", "\uD83D\uDE00 \uD83D\uDE00")));
    cases.add(Case.violations("an unpaired surrogate", YAML, "a: \"\\ud800\"\n", "a:UnpairedSurrogate"));
    cases.add(Case.usage("a control character", YAML, "a: \u0001\n", "control character"));
    cases.add(Case.usage("tab indentation", YAML, "a:\n\tb: 1\n", "not valid YAML"));
    cases.add(Case.usage("binary garbage", YAML, "\u0000\u0001\u0002\u00ff\ufffe", "not valid YAML"));
    cases.add(Case.usage("flow nesting 10,000 deep", YAML, "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n", "deeper than 1000"));
    cases.add(Case.usage("block nesting 1,200 deep", YAML, blockNesting(1_200), "deeper than 1000"));
    cases.add(Case.value("nesting 999 deep binds", YAML, "[".repeat(999) + "]".repeat(999), nested(998)));
    // JSON
    cases.add(Case.usage("a // comment", JSON, "{\"a\": 1 // one\n}", "comments are not allowed in JSON"));
    cases.add(Case.usage("a /* comment */", JSON, "{/* c */ \"a\": 1}", "comments are not allowed in JSON"));
    cases.add(Case.usage("text after the value", JSON, "{\"a\": 1} x", "more text after the value"));
    cases.add(Case.usage("two values", JSON, "{\"a\": 1}{\"b\": 2}", "more text after the value"));
    cases.add(Case.usage("a trailing comma", JSON, "{\"a\": 1,}", "not valid JSON"));
    cases.add(Case.violations("duplicate key", JSON, "{\"a\": 1, \"a\": 2}", "a:DuplicateKey"));
    cases.add(Case.violations("duplicate nested key", JSON, "{\"s\": {\"w\": 1, \"w\": 2}, \"l\": [{\"x\": 1, \"x\": 1}]}",
        "s.w:DuplicateKey", "l[0].x:DuplicateKey"));
    cases.add(Case.usage("NaN", JSON, "{\"a\": NaN}", "NaN and Infinity"));
    cases.add(Case.usage("Infinity", JSON, "{\"a\": -Infinity}", "NaN and Infinity"));
    cases.add(Case.usage("single quotes", JSON, "{'a': 1}", "double quotes"));
    cases.add(Case.usage("leading zeros", JSON, "{\"a\": 0755}", "no leading zeros"));
    cases.add(Case.usage("a number over 1000 digits", JSON, "{\"a\": " + "9".repeat(1001) + "}", "longer than 1000 digits"));
    cases.add(Case.value("a huge exponent is a number (binding refuses it)", JSON, "{\"a\": 1e999999999}", Map.of("a", new BigDecimal("1e999999999"))));
    cases.add(Case.value("decimals keep every digit", JSON, "{\"a\": 0.1000000000000000000001, \"b\": 1E+400}",
        Map.of("a", new BigDecimal("0.1000000000000000000001"), "b", new BigDecimal("1E+400"))));
    cases.add(Case.value("integers by size", JSON, "{\"a\": 1, \"b\": 3000000000, \"c\": 123456789012345678901234567890}",
        Map.of("a", 1, "b", 3_000_000_000L, "c", new BigInteger("123456789012345678901234567890"))));
    cases.add(Case.usage("nesting 10,000 deep", JSON, "[".repeat(10_000) + "]".repeat(10_000), "deeper than 1000"));
    cases.add(Case.value("a byte-order mark is dropped", JSON, "\uFEFF{\"a\": 1}", Map.of("a", 1)));
    cases.add(Case.violations("an unpaired surrogate escape", JSON, "{\"a\": \"\\ud800\", \"\\udc00\": 1}", "a:UnpairedSurrogate",
        "\udc00:UnpairedSurrogate"));
    cases.add(Case.value("a surrogate pair escape", JSON, "{\"a\": \"\\ud83d\\ude00\"}", Map.of("a", "\uD83D\uDE00")));
    cases.add(Case.usage("an unescaped control character", JSON, "{\"a\": \"x\ny\"}", "must be escaped"));
    cases.add(Case.usage("unterminated", JSON, "{\"a\": 1", "ends before the value does"));
    cases.add(Case.usage("a string over 20,000,000 characters", JSON, "{\"a\": \"" + "x".repeat(20_000_001) + "\"}", "longer than 20,000,000"));
    cases.add(Case.value("an empty text is no params", JSON, "  ", null));
    cases.add(Case.value("null is no params", JSON, "null", null));
    return cases;
  }

  static Stream<Arguments> allCases() {
    return cases().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void eachFeatureBindsToItsMeaningOrIsRefused(Case c) {
    String what = c.yaml() ? "--params-file p.yaml" : "--params";
    Object outcome = assertTimeoutPreemptively(BOUND, () -> {
      try {
        return c.yaml() ? ParamsText.yaml(c.text(), what) : ParamsText.json(c.text(), what);
      } catch (CliException | ValidationError e) {
        return e;
      }
    });
    if (c.value() != null || (c.violations() == null && c.usage() == null)) {
      assertFalse(outcome instanceof Throwable, () -> c + " was refused: " + outcome);
      assertEquals(c.value(), outcome, c.toString());
    } else if (c.violations() != null) {
      ValidationError error = assertInstanceOf(ValidationError.class, outcome, () -> c + ": " + outcome);
      assertEquals(c.violations(), error.violations().stream().map(v -> v.path() + ":" + v.constraint()).toList(), error.getMessage());
      assertTrue(error.getMessage().startsWith("Invalid params in " + what), error.getMessage());
      for (Violation violation : error.violations()) {
        assertTrue(violation.message().contains("(line "), "violations name the line: " + violation);
      }
    } else {
      CliException error = assertInstanceOf(CliException.class, outcome, () -> c + ": " + outcome);
      assertEquals(ExitCodes.USAGE, error.exitCode());
      assertTrue(error.getMessage().startsWith(what + " "), error.getMessage());
      assertTrue(error.getMessage().contains(c.usage()), c + ": " + error.getMessage());
      assertTrue(error.getMessage().length() < 400, "names the place, does not quote the text");
    }
  }

  @Test
  void theSuiteTriesThisMany() {
    assertEquals(113, cases().size(), "RELIABILITY.md quotes this count");
  }

  /** Params written the way the seeds write them, as Python dicts: each names what JSON wants instead. */
  @Test
  void pythonDictsNameTheJsonSpellingAndTheTwoWaysThatWork() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("{'epochs': 10}", "names and strings need double quotes");
    forms.put("{\"name\": 'resnet'}", "names and strings need double quotes");
    forms.put("{\"layers\": [{'size': 3}]}", "names and strings need double quotes");
    forms.put("{\"verbose\": True}", "true, false and null are lower case in JSON");
    forms.put("{\"verbose\": False}", "true, false and null are lower case in JSON");
    forms.put("{\"checkpoint\": None}", "true, false and null are lower case in JSON");
    forms.put("{\"epochs\": 10,}", "a comma before } or ]");
    forms.put("{\"tags\": [\"a\", \"b\",]}", "a comma before } or ]");
    forms.put("{\"tags\": [\"a\",\n  ]}", "a comma before } or ]");
    for (Map.Entry<String, String> form : forms.entrySet()) {
      CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> ParamsText.json(form.getKey(), "--params"));
      assertTrue(e.getMessage().contains(form.getValue()), form.getKey() + ": " + e.getMessage());
      assertTrue(e.getMessage().endsWith(ParamsText.PYTHON_DICT_HINT), form.getKey() + ": " + e.getMessage());
      // Elsewhere (a .json file, a -p value) the reason stands alone: the tip is about the shell.
      CliException file = org.junit.jupiter.api.Assertions.assertThrows(CliException.class,
          () -> ParamsText.json(form.getKey(), "--params-file p.json"));
      assertTrue(file.getMessage().contains(form.getValue()), file.getMessage());
      assertFalse(file.getMessage().contains("Python dict"), file.getMessage());
    }
    // Neighbours that are not Python's spelling of JSON keep the plain reason and no tip.
    for (String other : List.of("{\"a\": ]}", "{\"a\": }", "{\"a\": Truex}", "{\"a\": (1, 2)}", "[,1]")) {
      CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> ParamsText.json(other, "--params"));
      assertFalse(e.getMessage().contains("Python dict"), other + ": " + e.getMessage());
      assertFalse(e.getMessage().contains("comma"), other + ": " + e.getMessage());
    }
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--params", "{'input_path': '/data/in.csv'}");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("write --params '{\"epochs\": 10}'"), r::toString);
  }

  @Test
  void errorsNeverQuoteTheText() {
    for (String text : List.of("{\"token\": hunter2}", "{\"token\": \"hunter2\" hunter2}", "{'hunter2': 1}", "[hunter2]", "{\"a\":1} hunter2")) {
      CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> ParamsText.json(text, "--params"));
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
    for (String text : List.of("a: [hunter2\n", "a: 'hunter2\n", "hunter2: [\n", "a: b: hunter2\n", "- hunter2\nx: y\n")) {
      CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> ParamsText.yaml(text, "--params-file p.yaml"));
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }

  @Test
  void filesAreUtf8AndBounded() throws Exception {
    Path utf16 = Files.write(temp.resolve("p.yaml"), "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16));
    assertUsage(utf16, "is UTF-16 text");
    Path latin1 = Files.write(temp.resolve("l.yaml"), "a: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertUsage(latin1, "is not UTF-8 text");
    byte[] big = new byte[ParamsText.MAX_BYTES + 1];
    Arrays.fill(big, (byte) ' ');
    assertUsage(Files.write(temp.resolve("big.yaml"), big), "over the " + ParamsText.MAX_BYTES + "-byte limit");
    Path bom = Files.write(temp.resolve("bom.json"), ("\uFEFF{\"a\": 1}").getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of("a", 1), ParamsText.file(bom));
    assertUsage(temp.resolve("missing.yaml"), "does not exist");
    assertUsage(Files.createDirectories(temp.resolve("dir.yaml")), "does not exist or is not a file");
  }

  @Test
  void theCommandLineReportsViolationsOfTheTextWithExit3() throws Exception {
    Path file = Files.writeString(temp.resolve("p.yaml"), "inputPath: /in\nbatchSize: 0755\ninputPath: /again\n");
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--params-file", file.toString());
    assertEquals(ExitCodes.VALIDATION, r.exitCode(), r::toString);
    assertEquals("error: Invalid params in --params-file " + file + " (2 violations):\n"
        + "  - batchSize: is a number YAML 1.1 (PyYAML, the Python SDK) and YAML 1.2 read differently (leading zeros, 0o, 0b, a sign"
        + " before 0x, underscores or a:b:c); write it as a plain decimal, or quote it to mean text (line 2) [AmbiguousNumber]\n"
        + "  - inputPath: is given twice (first on line 1); a key may appear once (line 3) [DuplicateKey]\n", r.err());
    Cli.Result pair = Cli.run("run", Cli.hello(), "count-lines", "-p", "file=/x", "-p", "skipPrefixes=[\"#\", \"#\",]");
    assertEquals(ExitCodes.USAGE, pair.exitCode(), pair::toString);
    assertTrue(pair.err().startsWith("error: -p skipPrefixes is not valid JSON (line 1, column "), pair::toString);
    Cli.Result list = Cli.run("run", Cli.hello(), "process", "--params", "[1, 2]");
    assertEquals(ExitCodes.USAGE, list.exitCode(), list::toString);
  }

  private static void assertUsage(Path file, String phrase) {
    CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> ParamsText.file(file));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains(phrase), e.getMessage());
  }

  private static String laughs() {
    StringBuilder text = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      text.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        text.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      text.append("]\n");
    }
    return text.toString();
  }

  private static String[] laughsViolations() {
    List<String> expected = new ArrayList<>(List.of("l0:YamlAnchor"));
    for (int i = 1; i <= 9; i++) {
      expected.add("l" + i + ":YamlAnchor");
      for (int j = 0; j < 9; j++) {
        expected.add("l" + i + "[" + j + "]:YamlAlias");
      }
    }
    return expected.toArray(String[]::new);
  }

  private static String blockNesting(int depth) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append(" ".repeat(i)).append("k:\n");
    }
    return text.append(" ".repeat(depth)).append("v\n").toString();
  }

  private static Object nested(int depth) {
    Object value = List.of();
    for (int i = 0; i < depth; i++) {
      value = List.of(value);
    }
    return value;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
