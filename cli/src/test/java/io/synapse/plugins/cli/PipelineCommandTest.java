package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synapse pipeline run|status|list|resume|cancel against the pipeline example, on an SQLite store. */
class PipelineCommandTest {
  static final Path PLUGIN = Path.of("..", "examples", "pipeline-plugin");
  @TempDir Path temp;

  private String[] with(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--store";
    all[args.length + 1] = "jdbc:sqlite:" + temp.resolve("runs.db");
    return all;
  }

  private Path source() throws Exception {
    assertTrue(Files.isDirectory(PLUGIN.resolve("target/classes")), "examples/pipeline-plugin must be built first (it is, in the reactor)");
    Path dir = Files.createDirectories(temp.resolve("csv"));
    Files.writeString(dir.resolve("a.csv"), "0.0,1.0,low\n0.5,2.0,low\n1.0,3.0,high\n");
    return dir;
  }

  @Test
  void runStatusAndListARun() throws Exception {
    Path source = source();
    Cli.Result run = Cli.run(with("pipeline", "run", PLUGIN.toString(), "train_flow", "-p", "source_dir=" + source, "-p", "epochs=50",
        "--run-id", "cli-run", "--run-dir", temp.resolve("dirs").toString(), "--json", "--progress", "plain"));
    assertEquals(0, run.exitCode(), run::toString);
    Map<?, ?> result = (Map<?, ?>) Json.parseJson(run.out(), "out");
    assertEquals(50, result.get("epochs"));
    assertTrue(String.valueOf(result.get("model_path")).endsWith("cli-run/models/weights.json"), run::toString);
    assertTrue(run.err().contains("Action 2/3 'convert' completed"), run::toString);
    assertTrue(run.err().contains("pipeline 1000/1000 (100%)"), run::toString);

    Cli.Result status = Cli.run(with("pipeline", "status", "cli-run"));
    assertEquals(0, status.exitCode(), status::toString);
    List<String> lines = status.out().lines().toList();
    assertTrue(lines.get(0).startsWith("run cli-run: pipeline train_flow of pipeline_demo, completed, 100%, mode local"), status::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("2 +convert +completed +\\[##########\\] 100% +1 *")), status::toString);

    Cli.Result json = Cli.run(with("pipeline", "status", "cli-run", "--json"));
    assertEquals("completed", ((Map<?, ?>) Json.parseJson(json.out(), "out")).get("status"));
    Cli.Result list = Cli.run(with("pipeline", "list"));
    assertEquals(0, list.exitCode(), list::toString);
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("cli-run ") && l.contains("completed")), list::toString);
    Cli.Result cancel = Cli.run(with("pipeline", "cancel", "cli-run"));
    assertEquals("Run cli-run has ended already", cancel.out().strip());
  }

  @Test
  void actionsListsThePipelinesToo() {
    Cli.Result r = Cli.run("actions", PLUGIN.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("train_flow  Train flow  fetch | convert | train")), r::toString);
  }

  @Test
  void aFailedRunExitsFiveNamingTheActionAndResumes() throws Exception {
    Path source = source();
    Cli.Result failed = Cli.run(with("pipeline", "run", PLUGIN.toString(), "train_flow", "-p", "source_dir=" + source,
        "--env", "PIPELINE_DEMO_FAIL=convert", "--run-id", "cli-fail", "--run-dir", temp.resolve("dirs").toString(), "--progress", "off"));
    assertEquals(ExitCodes.EXECUTION, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("failed in action 2/3 'convert' (run cli-fail)"), failed::toString);
    Cli.Result resumed = Cli.run(with("pipeline", "resume", "cli-fail", "--plugin", PLUGIN.toString(), "--progress", "off", "--json"));
    assertEquals(0, resumed.exitCode(), resumed::toString);
    assertEquals(300, ((Map<?, ?>) Json.parseJson(resumed.out(), "out")).get("epochs"));
    Cli.Result status = Cli.run(with("pipeline", "status", "cli-fail"));
    assertTrue(status.out().lines().anyMatch(l -> l.matches("1 +fetch +skipped .*")), status::toString);
  }

  @Test
  void badInputGetsTheProjectsExitCodes() throws Exception {
    Cli.Result unknownKey = Cli.run(with("pipeline", "run", PLUGIN.toString(), "train_flow", "-p", "sorce_dir=/x"));
    assertEquals(ExitCodes.VALIDATION, unknownKey.exitCode(), unknownKey::toString);
    assertTrue(unknownKey.err().contains("did you mean 'source_dir'?"), unknownKey::toString);
    Cli.Result unknownPipeline = Cli.run(with("pipeline", "run", PLUGIN.toString(), "train_flwo"));
    assertEquals(ExitCodes.NOT_FOUND, unknownPipeline.exitCode(), unknownPipeline::toString);
    Cli.Result unknownRun = Cli.run(with("pipeline", "status", "no-such-run"));
    assertEquals(ExitCodes.NOT_FOUND, unknownRun.exitCode(), unknownRun::toString);
    Cli.Result resumeUnknown = Cli.run(with("pipeline", "resume", "no-such-run"));
    assertEquals(ExitCodes.NOT_FOUND, resumeUnknown.exitCode(), resumeUnknown::toString);
    Cli.Result badStore = Cli.run("pipeline", "list", "--store", "jdbc:mysql://u:hunter22@h/db");
    assertEquals(ExitCodes.CONFIG, badStore.exitCode(), badStore::toString);
    assertTrue(!badStore.err().contains("hunter22"), badStore::toString);
  }
}
