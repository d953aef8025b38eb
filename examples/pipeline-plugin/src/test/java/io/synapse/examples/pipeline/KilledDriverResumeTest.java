package io.synapse.examples.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.PipelineError;
import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.RunStatus;
import io.synapse.plugins.pipeline.jdbc.PostgresServer;
import io.synapse.plugins.pipeline.store.RunRecord;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A driver process killed (SIGKILL) while the pipeline's second action runs; the run is resumed from this
 * process, on the same store, to the result an uninterrupted run gives, without running the first action again.
 */
@ExtendWith(PostgresServer.class)
class KilledDriverResumeTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aRunKilledInItsSecondActionResumesToTheSameResult(String engine) throws Exception {
    Path source = DemoRuns.sourceDir(temp);
    String store = DemoRuns.storeUrl(engine, temp);
    Path reference = Files.createDirectories(temp.resolve("reference"));
    Trained expected = (Trained) PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(source), ExecutionMode.LOCAL,
        DemoRuns.options(store, reference, null, Map.of()).build());

    Path killed = Files.createDirectories(temp.resolve("killed"));
    Process driver = startDriver(store, "killed-run", source, killed);
    RunOptions options = DemoRuns.options(store, killed, null, Map.of()).build();
    try {
      LocalPipelineTest.awaitRunning(options, "killed-run", 1);
    } finally {
      driver.destroyForcibly();
      assertTrue(driver.waitFor(60, TimeUnit.SECONDS), "the driver did not die");
    }
    assertEquals(List.of("fetch", "convert"), DemoRuns.started(killed));
    RunRecord orphan = Pipelines.status("killed-run", options);
    assertEquals(RunStatus.RUNNING, orphan.status(), "nobody ended the run");
    assertNotNull(orphan.owner());
    assertEquals(ActionStatus.COMPLETED, orphan.actions().get(0).status(), "fetch was recorded before convert started");

    Trained resumed = assertInstanceOf(Trained.class, Pipelines.resume("killed-run", ExecutionMode.LOCAL, options));
    assertEquals(expected.weight(), resumed.weight());
    assertEquals(expected.bias(), resumed.bias());
    assertEquals(expected.loss(), resumed.loss());
    assertEquals(expected.epochs(), resumed.epochs());
    assertEquals(Files.readString(Path.of(expected.modelPath())), Files.readString(Path.of(resumed.modelPath())));
    assertEquals(List.of("fetch", "convert", "convert", "train"), DemoRuns.started(killed), "fetch ran once");
    assertEquals(killed.resolve("runs/killed-run/models/weights.json"), Path.of(resumed.modelPath()),
        "the resumed run goes on in the same run directory");
    RunRecord done = Pipelines.status("killed-run", options);
    assertEquals(RunStatus.COMPLETED, done.status());
    assertEquals(List.of(ActionStatus.SKIPPED, ActionStatus.COMPLETED, ActionStatus.COMPLETED),
        done.actions().stream().map(a -> a.status()).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void aRunWhoseDriverLivesCannotBeTakenOver(String engine) throws Exception {
    Path source = DemoRuns.sourceDir(temp);
    String store = DemoRuns.storeUrl(engine, temp);
    Process driver = startDriver(store, "alive-run", source, temp);
    RunOptions options = DemoRuns.options(store, temp, null, Map.of()).build();
    try {
      LocalPipelineTest.awaitRunning(options, "alive-run", 1);
      PipelineError active = assertThrows(PipelineError.class, () -> Pipelines.resume("alive-run", ExecutionMode.LOCAL, options));
      assertEquals(PipelineError.RUN_ACTIVE, active.code());
      assertFalse(DemoRuns.started(temp).contains("train"));
    } finally {
      driver.destroyForcibly();
      driver.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private static Process startDriver(String store, String runId, Path source, Path work) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PipelineDriver.class.getName());
    command.addAll(List.of(store, runId, source.toString(), work.toString()));
    File log = work.resolve("driver-" + runId + ".log").toFile();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the driver ended at once: " + Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }
    return process;
  }
}
