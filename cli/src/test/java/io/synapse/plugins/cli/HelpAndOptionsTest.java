package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HelpAndOptionsTest {

  @Test
  void versionAndHelp() {
    Cli.Result version = Cli.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("synapse " + CliVersion.version() + "\n"), version::toString);
    assertFalse(CliVersion.version().contains("${"), "the version resource is filtered");
    for (String command : List.of("run", "actions", "describe", "schema", "validate", "package", "new")) {
      Cli.Result help = Cli.run(command, "--help");
      assertEquals(0, help.exitCode(), help::toString);
      assertTrue(help.out().contains("Examples:\n  synapse "), command + "\n" + help.out());
      assertTrue(help.out().contains("Exit codes:"), command);
      assertTrue(help.out().contains("7  config error"), command);
      assertTrue(help.out().contains("8  fatal"), command);
    }
    Cli.Result top = Cli.run("--help");
    assertTrue(top.out().contains("generate-completion"), top::toString);
  }

  @Test
  void noCommandPrintsUsageAndExitsWith2() {
    Cli.Result r = Cli.run();
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("Usage: synapse"), r::toString);
    assertEquals(ExitCodes.USAGE, Cli.run("frobnicate").exitCode());
  }

  @Test
  void generatesACompletionScript() {
    Cli.Result r = Cli.run("generate-completion");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("complete -F _complete_synapse"), r.out().substring(0, Math.min(400, r.out().length())));
    assertTrue(r.out().contains("describe"));
  }

  @Test
  void exitCodesAreDistinctPerErrorKind() {
    Map<Integer, Throwable> byCode = new LinkedHashMap<>();
    byCode.put(ExitCodes.USAGE, CliException.usage("x"));
    byCode.put(ExitCodes.VALIDATION, new ValidationError("params", List.of(new Violation("a", "is required", "Required"))));
    byCode.put(ExitCodes.NOT_FOUND, new ActionNotFoundError("p", "a", List.of("b")));
    byCode.put(ExitCodes.EXECUTION, new ExecutionError("failed", Map.of(), new RuntimeException()));
    byCode.put(ExitCodes.CONFIG, new ConfigError("bad", Map.of()));
    byCode.put(ExitCodes.INTERNAL, new IllegalStateException());
    byCode.forEach((code, error) -> assertEquals(code, ExitCodes.of(error), error.toString()));
    assertEquals(ExitCodes.NOT_FOUND, ExitCodes.of(new PluginNotFoundError("x", Map.of())));
    assertEquals(ExitCodes.CONFIG, ExitCodes.of(new PluginError("backend_unavailable", "x", Map.of())));
    assertEquals(ExitCodes.USAGE, ExitCodes.of(new PluginError("unknown_mode", "x", Map.of())));
    assertEquals(ExitCodes.FATAL, ExitCodes.of(new OutOfMemoryError()));
    assertEquals(ExitCodes.FATAL, ExitCodes.of(new InternalError()));
    Set<Integer> all = new TreeSet<>(List.of(ExitCodes.OK, ExitCodes.INTERNAL, ExitCodes.USAGE, ExitCodes.VALIDATION,
        ExitCodes.NOT_FOUND, ExitCodes.EXECUTION, ExitCodes.TIMEOUT, ExitCodes.CONFIG, ExitCodes.FATAL));
    assertEquals(9, all.size());
  }

  @Test
  void dottedKeysNestAndListsSplitByTheSchema() {
    ParamsSchema schema = ParamsSchema.parse("""
        {"type":"object","properties":{
          "tags":{"type":"array","items":{"type":"string"}},
          "size":{"$ref":"#/$defs/Size"},
          "name":{"type":"string"}},
         "$defs":{"Size":{"type":"object","properties":{"width":{"type":"integer"},"dims":{"type":"array"}}}}}
        """);
    Map<String, Object> params = new LinkedHashMap<>();
    ParamsOptions.putPair(params, "tags=a,b\\,c", schema);
    ParamsOptions.putPair(params, "size.width=3", schema);
    ParamsOptions.putPair(params, "size.dims=[1,2]", schema);
    ParamsOptions.putPair(params, "name=x,y=z", schema);
    assertEquals(Map.of("tags", List.of("a", "b,c"), "size", Map.of("width", "3", "dims", List.of(1, 2)), "name", "x,y=z"), params);
    ParamsOptions.putPair(params, "tags=", schema);
    assertEquals(List.of(), params.get("tags"));
    assertThrows(CliException.class, () -> ParamsOptions.putPair(params, "a..b=1", schema));
    assertThrows(CliException.class, () -> ParamsOptions.putPair(params, "=1", schema));
  }

  @Test
  void deepMergeKeepsSiblingFields() {
    Map<String, Object> base = new LinkedHashMap<>(Map.of("size", new LinkedHashMap<>(Map.of("width", 1, "height", 2)), "a", 1));
    ParamsOptions.deepMerge(base, Map.of("size", Map.of("width", 9), "a", 2), ParamsSchema.unknown(), List.of());
    assertEquals(Map.of("size", Map.of("width", 9, "height", 2), "a", 2), base);
  }

  @Test
  void jsonErrorsNameThePlaceNotTheText() {
    CliException e = assertThrows(CliException.class, () -> Json.parseJson("{\"token\": hunter2}", "--params"));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().startsWith("--params is not valid JSON (line 1"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void secretFieldsOfTheSchemaAreCollected() {
    ParamsSchema schema = ParamsSchema.parse("""
        {"type":"object","properties":{"token":{"type":"string","writeOnly":true},"plain":{"type":"string"},
         "nested":{"type":"object","properties":{"pw":{"type":"string","writeOnly":true}}}}}
        """);
    Secrets secrets = new Secrets();
    schema.collectSecrets(Map.of("token", "t0ken", "plain", "visible", "nested", Map.of("pw", "p4ss"), "apiKey", "k3y"), secrets);
    assertEquals("*** visible *** ***", secrets.redact("t0ken visible p4ss k3y"));
  }

  @Test
  void dotEnvFilesParse() {
    Map<String, String> env = EnvOptions.parse(List.of("# comment", "", "export A=1", "B = \"two words\"", "C='x#y'", "D=v # note", "E="), ".env");
    assertEquals(Map.of("A", "1", "B", "two words", "C", "x#y", "D", "v", "E", ""), env);
    CliException e = assertThrows(CliException.class, () -> EnvOptions.parse(List.of("A=1", "secretvalue"), ".env"));
    assertEquals(".env line 2: expected KEY=VALUE", e.getMessage());
  }

  @Test
  void environmentFilesAreBoundedAndUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
    java.nio.file.Path big = java.nio.file.Files.write(temp.resolve("big.env"), new byte[(int) EnvOptions.MAX_FILE_BYTES + 1]);
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--env-file", big.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("byte limit for environment files"), r::toString);
    java.nio.file.Path latin1 = java.nio.file.Files.write(temp.resolve("l.env"), "A=caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Cli.Result bad = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--env-file", latin1.toString());
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad::toString);
  }

  @Test
  void secretNames() {
    for (String name : List.of("API_KEY", "client_secret", "GITHUB_TOKEN", "DB_PASSWORD", "MYSQL_PASSWD", "AWS_CREDENTIALS")) {
      assertTrue(Secrets.looksSecret(name), name);
    }
    assertFalse(Secrets.looksSecret("REGION"));
    assertEquals(io.synapse.plugins.secrets.SecretRule.looksSecret("x_passphrase"), Secrets.looksSecret("x_passphrase"),
        "the command line uses the runtime's rule");
  }

  @Test
  void theRedactingWriterMasksSecretsSplitAcrossWrites() {
    Secrets secrets = new Secrets();
    secrets.add("abcdef");
    StringWriter target = new StringWriter();
    PrintWriter out = new PrintWriter(new RedactingWriter(target, secrets));
    out.print("x abc");
    out.print("def y\n");
    out.print("tail abcdef");
    out.flush();
    assertEquals("x *** y\ntail ***", target.toString());
  }

  @Test
  void plainProgressPrintsEveryTenthAndTheEnd() {
    StringWriter text = new StringWriter();
    ProgressSink sink = new ProgressSink(new PrintWriter(text), ProgressSink.Style.PLAIN, false);
    for (int i = 1; i <= 100; i++) {
      sink.accept(progress(i, 100));
    }
    sink.accept(new PluginEvent(EventType.DEV_EVENT, System.Logger.Level.DEBUG, "a", null, "hidden", null, Map.of(), null, Instant.now(), null));
    sink.flush();
    List<String> lines = text.toString().lines().toList();
    assertEquals(11, lines.size(), text::toString);
    assertEquals("[a] c 100/100 (100%)", lines.get(10));
  }

  private static PluginEvent progress(long current, long total) {
    return new PluginEvent(EventType.PROGRESS, System.Logger.Level.INFO, "a", "c", null, null, Map.of(),
        new PluginEvent.Progress(current, total), Instant.now(), null);
  }
}
