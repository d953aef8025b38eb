package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** actions, describe, schema and validate. */
class InspectCommandsTest {

  @Test
  void actionsPrintsATable() {
    Cli.Result r = Cli.run("actions", Cli.hello());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(List.of(
        "ACTION       TITLE          METHOD  CATEGORY  DESCRIPTION",
        "count-lines  Count Lines    task    custom    Counts the lines of a real text file, skipping comment lines.",
        "process      Process Files  task    custom    Process input files with batch processing",
        "sign         Sign File      job     upload    Computes a file's SHA-256 and signs it with the API token"),
        r.out().lines().toList());
  }

  @Test
  void actionsAsJson() {
    Cli.Result r = Cli.run("actions", Cli.hello(), "--json");
    assertEquals(0, r.exitCode(), r::toString);
    List<?> actions = (List<?>) Json.parseJson(r.out(), "out");
    assertEquals(3, actions.size());
    assertEquals("process", ((Map<?, ?>) actions.get(1)).get("action"));
    assertEquals("task", ((Map<?, ?>) actions.get(1)).get("method"));
  }

  @Test
  void describeShowsTheConfigAndAParamsTablePerAction() {
    Cli.Result r = Cli.run("describe", Cli.hello());
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals("Plugin hello_plugin 0.1.0: Hello Plugin", lines.get(0));
    assertTrue(lines.contains("  PARAM        TYPE     REQUIRED  DEFAULT  CONSTRAINTS             DESCRIPTION"), r::toString);
    assertTrue(lines.contains("  batch_size   integer  no        32       >= 1, <= 1024           items per batch"), r::toString);
    assertTrue(lines.contains("  input_path   string   yes                length >= 1, not blank  path to the input file"), r::toString);
    assertTrue(lines.contains("  skip_prefixes  list<string>  no        [\"#\"]    items <= 10  "
        + "lines starting with any of these are not counted (comments)"), r::toString);
  }

  @Test
  void describeOneAction() {
    Cli.Result r = Cli.run("describe", Cli.hello(), "count-lines");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Action count-lines: Count Lines"), r::toString);
    assertFalse(r.out().contains("Action process"), r::toString);
    assertEquals(ExitCodes.NOT_FOUND, Cli.run("describe", Cli.hello(), "nope").exitCode());
  }

  @Test
  void describeFlattensNestedRecordsAndMarksSecrets() {
    Cli.Result r = Cli.run("describe", Cli.hello(), "sign");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("    destination.bucket  string")), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  api_token") && l.contains("secret")), r::toString);
  }

  /** The processor's golden train-model schema: a list of records, a nested record, a map of lists. */
  @Test
  void describeRowsShowTheFieldsOfListElementsAndNestedRecordsIndented() throws Exception {
    Path golden = Path.of("..", "processor", "src", "test", "resources", "golden", "imagetools", "META-INF", "synapse",
        "image_tools", "schemas", "train-model.params.schema.json");
    List<String> rows = ParamsSchema.parse(Files.readString(golden)).rows().stream()
        .map(row -> row.depth() + " " + row.name() + " " + row.type() + (row.required() ? " required" : "") + " " + row.constraints())
        .toList();
    assertEquals(List.of(
        "0 layers list<Layer> required items >= 1",
        "1 layers[].name string required length >= 1, not blank",
        "1 layers[].size integer required >= 1, <= 4096",
        "1 layers[].dropout number >= 0, < 1",
        "0 optimizer TrainParams.Optimizer required ",
        "1 optimizer.learning_rate number ",
        "1 optimizer.momentum number ",
        "0 weights map<string, list<number>> ",
        "0 heads list<Layer> ",
        "1 heads[].name string required length >= 1, not blank",
        "1 heads[].size integer required >= 1, <= 4096",
        "1 heads[].dropout number >= 0, < 1"), rows);
  }

  @Test
  void describeRowsOfRecursiveAndMapValueRecordsEnd() {
    ParamsSchema schema = ParamsSchema.parse("""
        {"type":"object","properties":{
          "tree":{"$ref":"#/$defs/Node"},
          "labels":{"type":"object","additionalProperties":{"$ref":"#/$defs/Label"}}},
         "$defs":{
          "Node":{"title":"Node","type":"object","properties":{"name":{"type":"string"},
            "children":{"type":"array","items":{"$ref":"#/$defs/Node"}}}},
          "Label":{"title":"Label","type":"object","properties":{"score":{"type":"number"}},"required":["score"]}}}
        """);
    assertEquals(List.of("0 tree", "1 tree.name", "1 tree.children", "0 labels", "1 labels.<key>.score"),
        schema.rows().stream().map(row -> row.depth() + " " + row.name()).toList());
  }

  @Test
  void schemaPrintsTheGeneratedSchema() throws Exception {
    Path generated = Cli.HELLO.resolve("target/classes/META-INF/synapse/hello_plugin/schemas");
    Cli.Result params = Cli.run("schema", Cli.hello(), "process");
    assertEquals(0, params.exitCode(), params::toString);
    assertEquals(Files.readString(generated.resolve("process.params.schema.json")).stripTrailing() + "\n", params.out());
    Cli.Result result = Cli.run("schema", Cli.hello(), "process", "--result");
    assertEquals(Files.readString(generated.resolve("process.result.schema.json")).stripTrailing() + "\n", result.out());
    assertEquals(ExitCodes.NOT_FOUND, Cli.run("schema", Cli.hello(), "nope").exitCode());
  }

  @Test
  void validateReportsValidParamsWithDefaultsAndRunsNothing() {
    Cli.Result r = Cli.run("validate", Cli.hello(), "process", "-p", "input_path=/in");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("Params of action 'process' of plugin 'hello_plugin' are valid:\ninput_path: /in\nbatch_size: 32\nverbose: false\n", r.out());
    Cli.Result byJavaName = Cli.run("validate", Cli.hello(), "process", "-p", "inputPath=/in");
    assertEquals(r.out(), byJavaName.out(), "the Java name binds the same field");
    assertEquals("", r.err(), "nothing ran, so no events");
  }

  @Test
  void validateListsEveryViolationAndExitsWith3() {
    Cli.Result r = Cli.run("validate", Cli.hello(), "process", "-p", "batch_size=2000", "-p", "verbose=maybe");
    assertEquals(ExitCodes.VALIDATION, r.exitCode(), r::toString);
    assertEquals(4, r.err().lines().count(), r::toString);
    assertTrue(r.err().contains("  - batch_size: "), r::toString);
    assertTrue(r.err().contains("  - verbose: "), r::toString);
    assertFalse(r.err().contains("maybe"), "violations never quote values");
    Cli.Result json = Cli.run("validate", Cli.hello(), "process", "--json");
    Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) Json.parseJson(json.out(), "out")).get("error");
    assertEquals(1, ((List<?>) ((Map<?, ?>) error.get("details")).get("violations")).size());
  }

  @Test
  void secretParamsAreMaskedWhenEchoed() {
    Cli.Result r = Cli.run("validate", Cli.hello(), "sign", "-p", "file=/tmp/x", "-p", "destination.bucket=my-bucket",
        "-p", "api_token=s3cr3t-value");
    assertEquals(0, r.exitCode(), r::toString);
    assertFalse(r.toString().contains("s3cr3t-value"), r::toString);
    assertTrue(r.out().contains("api_token: " + Secrets.MASK), r::toString);
    // Given by its Java name, the secret field is still known to be secret.
    Cli.Result byJavaName = Cli.run("validate", Cli.hello(), "sign", "-p", "file=/tmp/x", "-p", "destination.bucket=my-bucket",
        "-p", "apiToken=s3cr3t-value", "--params", "{\"destination\": {\"bucket\": \"b\"}}");
    assertEquals(0, byJavaName.exitCode(), byJavaName::toString);
    assertFalse(byJavaName.toString().contains("s3cr3t-value"), byJavaName::toString);
  }
}
