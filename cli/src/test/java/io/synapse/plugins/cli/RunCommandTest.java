package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path temp;

  @Test
  void printsTheResultAsYamlAndProgressAsPlainLinesOnStandardError() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "input_path=/in", "-p", "output_path=/out", "-p", "batch_size=40");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("status: completed\noutput_path: /out\nitems_processed: 100\n", r.out());
    assertTrue(r.err().contains("[process] Processing /in in batches of 40\n"), r::toString);
    assertTrue(r.err().contains("[process] Processed 100 items\n"), r::toString);
    assertTrue(r.err().contains("[process] process 50/100 (50%)"), r::toString);
    assertTrue(r.err().lines().anyMatch(line -> line.startsWith("[process] metrics process {")
        && line.contains("items_processed=100") && line.contains("batches=3")), r::toString);
    assertFalse(r.err().contains("\r"), "no live redraw when not on a terminal");
  }

  @Test
  void theSeedsTutorialCallRunsVerbatimSnakeCaseInAndOut() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--params",
        "{\"input_path\": \"/data/input.csv\", \"output_path\": \"/data/output.csv\", \"batch_size\": 64, \"verbose\": true}",
        "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("{\n  \"status\" : \"completed\",\n  \"output_path\" : \"/data/output.csv\",\n  \"items_processed\" : 100\n}\n",
        r.out());
    assertTrue(r.err().contains("[process] Processing /data/input.csv in batches of 64"), r::toString);
  }

  @Test
  void jsonPrintsTheResultThroughTheDescriptorsWriter() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--params", "{\"inputPath\":\"/a\",\"outputPath\":\"/b\"}", "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(Map.of("status", "completed", "output_path", "/b", "items_processed", 100), Json.parseJson(r.out(), "out"));
  }

  @Test
  void langChoosesTheLanguageOfTheActionsMessages() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "input_path=/in", "--lang", "ko");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.err().contains("[process] 100개 항목을 처리했습니다\n"), r::toString);
    Cli.Result fromEnv = Cli.run("run", Cli.hello(), "process", "-p", "input_path=/in", "--env", "SYNAPSE_LANGUAGE=ko");
    assertTrue(fromEnv.err().contains("[process] 100개 항목을 처리했습니다\n"), fromEnv::toString);
    Cli.Result bad = Cli.run("run", Cli.hello(), "process", "-p", "input_path=/in", "--lang", "k o");
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("--lang 'k o' is not a language code"), bad::toString);
  }

  @Test
  void liveProgressRedrawsOneLinePerCategoryAndEndsIt() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--progress", "live");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.err().contains("\r[process] process [########################] 100/100 (100%)\n"), r::toString);
    assertEquals(1, r.err().lines().filter(line -> line.contains("100/100")).count(), r::toString);
  }

  @Test
  void progressOffPrintsNoEvents() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--progress", "off");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void runsAnActionThatReadsARealFileWithListParams() throws Exception {
    Path file = Files.writeString(temp.resolve("in.txt"), "a\n# c\n// d\nb\n");
    Cli.Result r = Cli.run("run", Cli.hello(), "count-lines", "-p", "file=" + file, "-p", "skipPrefixes=#,//", "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(Map.of("file", file.toString(), "lines", 2, "skipped", 2), Json.parseJson(r.out(), "out"));
  }

  @Test
  void invalidParamsExitWith3ListingEveryViolationWithoutAStackTrace() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "batch_size=0", "-p", "batch-size=3");
    assertEquals(ExitCodes.VALIDATION, r.exitCode(), r::toString);
    assertEquals("", r.out());
    List<String> lines = r.err().lines().toList();
    assertEquals("error: Invalid params of action 'process' (3 violations):", lines.get(0));
    assertTrue(lines.contains("  - input_path: is required [Required]"), r::toString);
    assertTrue(lines.contains("  - batch_size: must be greater than or equal to 1 [Min]"), r::toString);
    assertTrue(lines.contains("  - batch-size: is not a known field; did you mean 'batch_size'? [UnknownField]"), r::toString);
    assertEquals(4, lines.size(), r::toString);
  }

  @Test
  void debugAddsTheStackTrace() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--debug");
    assertEquals(ExitCodes.VALIDATION, r.exitCode(), r::toString);
    assertTrue(r.err().contains("\tat io.synapse.plugins"), r::toString);
  }

  @Test
  void jsonErrorsAreAlsoPrintedAsJsonOnStandardOutput() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--json");
    assertEquals(ExitCodes.VALIDATION, r.exitCode(), r::toString);
    Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) Json.parseJson(r.out(), "out")).get("error");
    assertEquals("validation_error", error.get("code"));
    assertEquals(3, error.get("exit_code"));
  }

  @Test
  void unknownActionExitsWith4AndSuggests() {
    Cli.Result r = Cli.run("run", Cli.hello(), "procss");
    assertEquals(ExitCodes.NOT_FOUND, r.exitCode(), r::toString);
    assertEquals("error: Plugin 'hello_plugin' has no action 'procss'; did you mean 'process'? Available actions: count-lines, process, sign\n",
        r.err());
  }

  @Test
  void unknownPluginExitsWith4() {
    assertEquals(ExitCodes.NOT_FOUND, Cli.run("run", "no_such_plugin", "x").exitCode());
    Cli.Result r = Cli.run("run", temp.resolve("missing").toString(), "x");
    assertEquals(ExitCodes.NOT_FOUND, r.exitCode(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void aFailingActionExitsWith5() {
    Cli.Result r = Cli.run("run", Cli.hello(), "count-lines", "-p", "file=" + temp.resolve("absent.txt"));
    assertEquals(ExitCodes.EXECUTION, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: "), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
  }

  @Test
  void taskModeWithoutRaysJavaRuntimeSaysWhatToAddInOneLine() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--mode", "task", "--ray-address", "127.0.0.1:1");
    assertEquals(ExitCodes.CONFIG, r.exitCode(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertTrue(r.err().contains("ray_dist.jar"), r::toString);
  }

  /** In a JVM of its own, so that no RAY_ADDRESS of the machine's shell takes part. */
  @Test
  void taskModeWithoutAnAddressNamesTheCommandLinesOwnOption() throws Exception {
    List<String> command = List.of(Processes.java(), "-cp", System.getProperty("java.class.path"), SynapseCli.class.getName(),
        "run", Cli.hello(), "process", "-p", "inputPath=/in", "--mode", "task");
    Processes.Outcome unset = Processes.run(Path.of("."), command, Map.of("RAY_ADDRESS", "", "SYNAPSE_RAY_DASHBOARD", ""), 120);
    assertEquals(ExitCodes.CONFIG, unset.exitCode(), unset::toString);
    assertEquals("error: No Ray cluster address for --mode task: give --ray-address HOST:PORT or set RAY_ADDRESS"
        + " (scripts/ray.sh start prints one; eval \"$(scripts/ray.sh env)\" sets it)", unset.err().strip(), unset::toString);
    Processes.Outcome url = Processes.run(Path.of("."), command, Map.of("RAY_ADDRESS", "http://127.0.0.1:8265"), 120);
    assertEquals(ExitCodes.CONFIG, url.exitCode(), url::toString);
    assertTrue(url.err().startsWith("error: No Ray cluster address: RAY_ADDRESS holds a dashboard URL"), url::toString);
    assertTrue(url.err().contains("--ray-address HOST:PORT"), url::toString);
  }

  @Test
  void jobModeWithAnUnreachableDashboardNamesItInOneLine() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--mode", "job", "--dashboard", "http://127.0.0.1:1");
    assertEquals(ExitCodes.CONFIG, r.exitCode(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertTrue(r.err().contains("http://127.0.0.1:1"), r::toString);
    Cli.Result status = Cli.run("job", "status", "raysubmit_x", "--dashboard", "http://127.0.0.1:1");
    assertEquals(ExitCodes.CONFIG, status.exitCode(), status::toString);
  }

  @Test
  void jobTimeoutsAcceptIsoAndShortForms() {
    assertEquals(java.time.Duration.ofMinutes(10), JobCommand.duration("PT10M"));
    assertEquals(java.time.Duration.ofSeconds(30), JobCommand.duration("30s"));
    assertEquals(java.time.Duration.ofHours(2), JobCommand.duration("2h"));
    assertEquals(java.time.Duration.ofMillis(500), JobCommand.duration("500ms"));
    assertEquals(ExitCodes.USAGE, Cli.run("job", "wait", "x", "--timeout", "soon", "--dashboard", "http://127.0.0.1:1").exitCode());
  }

  @Test
  void paramsAreValidatedBeforeTheBackendIsLookedFor() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--mode", "task");
    assertEquals(ExitCodes.VALIDATION, r.exitCode(), r::toString);
  }

  @Test
  void modeAutoRunsTheActionsDeclaredMethod() throws Exception {
    Path file = Files.writeString(temp.resolve("doc.txt"), "x");
    Cli.Result job = Cli.run("run", Cli.hello(), "sign", "-p", "file=" + file, "-p", "destination.bucket=b", "-p", "api_token=tok-12345",
        "--mode", "auto", "--dashboard", "http://127.0.0.1:1", "--wait");
    assertTrue(job.err().startsWith("Running sign in job mode (its declared method; --mode auto)\n"), job::toString);
    assertEquals(ExitCodes.CONFIG, job.exitCode(), "submitted to the unreachable dashboard: " + job);
    assertTrue(job.err().contains("http://127.0.0.1:1"), job::toString);

    Cli.Result task = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--mode", "AUTO", "--ray-address", "127.0.0.1:1");
    assertTrue(task.err().startsWith("Running process in task mode (its declared method; --mode auto)\n"), task::toString);
    assertEquals(ExitCodes.CONFIG, task.exitCode(), "the TASK backend, without Ray's jar here: " + task);
    assertTrue(task.err().contains("ray_dist.jar"), task::toString);

    Cli.Result invalid = Cli.run("run", Cli.hello(), "process", "-p", "batch_size=0", "--mode", "auto");
    assertEquals(ExitCodes.VALIDATION, invalid.exitCode(), invalid::toString);
    Cli.Result waitLocal = Cli.run("run", Cli.hello(), "process", "-p", "inputPath=/in", "--mode", "local", "--wait");
    assertEquals(ExitCodes.USAGE, waitLocal.exitCode(), waitLocal::toString);
  }

  @Test
  void anUnknownModeIsAUsageError() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--mode", "cluster");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertEquals("error: Unknown execution mode 'cluster': use one of local, task, job, auto\n", r.err());
  }

  @Test
  void usageErrorsExitWith2() {
    assertEquals(ExitCodes.USAGE, Cli.run("run", Cli.hello()).exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("run", Cli.hello(), "process", "--bogus").exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("run", Cli.hello(), "process", "-p", "novalue").exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("run", Cli.hello(), "process", "--params", "{oops").exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("run", Cli.hello(), "process", "--params-file", temp.resolve("none.json").toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("run", Cli.hello(), "process", "--env", "=x").exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("run", Cli.hello(), "process", "--progress", "loud").exitCode());
  }

  @Test
  void paramsFromJsonFileAndPairsMergeInOrderLaterWinning() throws Exception {
    // The sources name fields either way: a later source wins whatever spelling each uses.
    Path file = Files.writeString(temp.resolve("p.yaml"), "input_path: /from-file\nbatchSize: 8\n");
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--params", "{\"inputPath\":\"/json\",\"output_path\":\"/json-out\"}",
        "--params-file", file.toString(), "-p", "batch_size=16", "--json", "--progress", "off");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("/json-out", ((Map<?, ?>) Json.parseJson(r.out(), "out")).get("output_path"));
    Cli.Result bound = Cli.run("validate", Cli.hello(), "process", "--params", "{\"inputPath\":\"/json\",\"outputPath\":\"/o\"}",
        "--params-file", file.toString(), "-p", "batch_size=16", "-p", "outputPath=/p", "--json");
    assertEquals(Map.of("input_path", "/from-file", "output_path", "/p", "batch_size", 16, "verbose", false),
        ((Map<?, ?>) Json.parseJson(bound.out(), "out")).get("params"));
  }

  @Test
  void secretLookingArgumentsAreMaskedEvenInParseErrors() {
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "stray", "API_TOKEN=tok-123456", "--env", "DB_PASSWORD=pw-987654");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertFalse(r.toString().contains("tok-123456"), r::toString);
    assertTrue(r.err().startsWith("error: Unmatched arguments from index 3: '***', 'API_TOKEN=***'\n"), r::toString);
  }

  @Test
  void envValuesWithSecretNamesNeverAppearInOutput() throws Exception {
    Path envFile = Files.writeString(temp.resolve(".env"), "# creds\nSERVICE_KEY=sk-live-4242\nREGION=eu\n");
    // The value also appears as a param, which the action logs and returns: it must still be masked.
    Cli.Result r = Cli.run("run", Cli.hello(), "process", "--env-file", envFile.toString(), "-p", "inputPath=sk-live-4242",
        "-p", "outputPath=/o", "-p", "verbose=false");
    assertEquals(0, r.exitCode(), r::toString);
    assertFalse(r.toString().contains("sk-live-4242"), r::toString);
    // Masked here or already by the runtime's own redaction; either way the event is still shown.
    assertTrue(r.err().lines().anyMatch(line -> line.startsWith("[process] process_start {") && line.contains("input=*")),
        r::toString);
  }
}
