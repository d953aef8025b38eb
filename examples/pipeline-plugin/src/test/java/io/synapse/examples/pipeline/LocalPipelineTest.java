package io.synapse.examples.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.EventType;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.context.RecordingSink;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PipelineDefinitionError;
import io.synapse.plugins.errors.PipelineError;
import io.synapse.plugins.errors.PipelineNotFoundError;
import io.synapse.plugins.errors.RunNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.Pipeline;
import io.synapse.plugins.pipeline.PipelineEvents;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.RunStatus;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.jdbc.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's train_flow pipeline in LOCAL mode, through the public API, recorded in SQLite and PostgreSQL. */
@ExtendWith(PostgresServer.class)
class LocalPipelineTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void theDeclaredPipelineRunsEveryActionInOrderAndRecordsEachOne(String engine) throws Exception {
    RecordingSink sink = new RecordingSink();
    String store = DemoRuns.storeUrl(engine, temp);
    RunOptions options = DemoRuns.options(store, temp, sink, Map.of()).option(Pipelines.RUN_ID_OPTION, "run-" + engine).build();
    Object result = PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(DemoRuns.sourceDir(temp)),
        ExecutionMode.LOCAL, options);

    Trained trained = assertInstanceOf(Trained.class, result);
    assertEquals(2.0, trained.weight(), 0.3, trained.toString());
    assertEquals(1.0, trained.bias(), 0.3, trained.toString());
    assertEquals(300, trained.epochs());
    assertEquals(List.of("fetch", "convert", "train"), DemoRuns.started(temp));
    Path runDir = temp.resolve("runs").resolve("run-" + engine);
    assertTrue(Files.isRegularFile(runDir.resolve("datasets/raw/a.csv")));
    assertTrue(Files.isRegularFile(runDir.resolve("datasets/yolo/dataset.yaml")));
    assertEquals(Path.of(trained.modelPath()), runDir.resolve("models/weights.json"));
    assertFalse(Files.exists(runDir.resolve("logs")), "folders are made only when asked for");

    RunRecord run = Pipelines.status("run-" + engine, options);
    assertEquals(RunStatus.COMPLETED, run.status());
    assertEquals(List.of(ActionStatus.COMPLETED, ActionStatus.COMPLETED, ActionStatus.COMPLETED),
        run.actions().stream().map(a -> a.status()).toList());
    assertEquals(1.0, run.progress());
    assertEquals(trained.modelPath(), ((Map<?, ?>) run.result()).get("model_path"));
    assertEquals(DemoRuns.initial(DemoRuns.sourceDir(temp)).get("source_dir"), run.actions().get(0).params().get("source_dir"));
    assertEquals(10, ((Map<?, ?>) run.actions().get(0).result()).get("rows"));
    assertEquals(run.actions().get(0).result().getClass(), java.util.LinkedHashMap.class);

    List<String> names = sink.events().stream().filter(e -> PipelineEvents.CATEGORY.equals(e.category()) && e.type() == EventType.LOG)
        .map(PluginEvent::name).toList();
    assertEquals(List.of("pipeline_started", "pipeline_action_started", "pipeline_action_completed", "pipeline_action_started",
        "pipeline_action_completed", "pipeline_action_started", "pipeline_action_completed", "pipeline_completed"), names);
    List<Long> overall = sink.events().stream().filter(e -> e.type() == EventType.PROGRESS && PipelineEvents.CATEGORY.equals(e.category()))
        .map(e -> e.progress().current()).toList();
    assertTrue(overall.size() >= 4, overall.toString());
    for (int i = 1; i < overall.size(); i++) {
      assertTrue(overall.get(i) > overall.get(i - 1), "overall progress never goes down: " + overall);
    }
    assertEquals(PipelineEvents.PROGRESS_TOTAL, overall.get(overall.size() - 1));
    assertTrue(sink.events().stream().anyMatch(e -> "train".equals(e.action()) && e.type() == EventType.METRICS),
        "the actions' own events reach the sink");
  }

  @Test
  void theFacadeAndTheTypedBuilderGiveTheSameResult() throws Exception {
    Path source = DemoRuns.sourceDir(temp);
    String store = DemoRuns.storeUrl("sqlite", temp);
    Trained declared = PipelineDemo.trainFlowPipeline(DemoRuns.initial(source), ExecutionMode.LOCAL,
        DemoRuns.options(store, temp, null, Map.of()).build());
    Pipeline<FetchParams, Trained> typed = Pipeline.start(FetchAction_Descriptor.INSTANCE)
        .then(ConvertAction_Descriptor.INSTANCE, (fetched, initial) -> new ConvertParams(fetched.datasetDir(), "yolo"))
        .then(TrainAction_Descriptor.INSTANCE, (converted, initial) -> new TrainParams(converted.datasetDir(), 300, 0.5))
        .build("typed_flow");
    assertEquals(Pipeline.Kind.TYPED, typed.kind());
    Trained built = Pipelines.run(typed, new FetchParams(source, "*.csv"), ExecutionMode.LOCAL,
        DemoRuns.options(store, temp, null, Map.of()).build());
    assertEquals(declared.weight(), built.weight());
    assertEquals(declared.bias(), built.bias());
    assertEquals(declared.loss(), built.loss());
    assertEquals(List.of("fetch", "convert", "train", "fetch", "convert", "train"), DemoRuns.started(temp));
  }

  @Test
  void pipelinesBuiltAtRunTimeAreCheckedByTheProcessorsRules() {
    PipelineDefinitionError merged = assertThrows(PipelineDefinitionError.class,
        () -> Pipeline.merged("backwards", List.of(TrainAction_Descriptor.INSTANCE, ConvertAction_Descriptor.INSTANCE)));
    assertEquals("PipelineIncompatibleTypes", merged.problems().get(0).id());
    assertTrue(merged.getMessage().contains("action 'train' outputs model_weights but the next action 'convert' expects dataset"),
        merged.getMessage());
    PipelineDefinitionError typed = assertThrows(PipelineDefinitionError.class, () -> Pipeline.start(FetchAction_Descriptor.INSTANCE)
        .then(TrainAction_Descriptor.INSTANCE, (fetched, initial) -> new TrainParams(fetched.datasetDir(), 1, 0.1))
        .then(ConvertAction_Descriptor.INSTANCE, (trained, initial) -> new ConvertParams(trained.modelPath(), "yolo"))
        .build("typed"));
    assertEquals(1, typed.problems().size(), typed.getMessage());
    assertEquals(2, typed.problems().get(0).actionIndex(), "fetch's dataset may be a yolo_dataset; train's weights are no dataset");
    PipelineNotFoundError missing = assertThrows(PipelineNotFoundError.class,
        () -> Pipeline.declared(PluginDiscovery.fromModule("pipeline_demo"), "train_flwo"));
    assertTrue(missing.getMessage().contains("did you mean 'train_flow'?"), missing.getMessage());
    assertEquals(List.of("source_dir", "pattern", "target_format", "epochs", "learning_rate"),
        Pipeline.declared(PluginDiscovery.fromModule("pipeline_demo"), "train_flow").initialParams().stream().map(f -> f.wireName()).toList());
  }

  @Test
  void badInitialParamsAreRefusedBeforeAnythingIsRecordedOrRun() {
    String store = DemoRuns.storeUrl("sqlite", temp);
    RunOptions options = DemoRuns.options(store, temp, null, Map.of()).build();
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPipeline("pipeline_demo", "train_flow",
        Map.of("sorce_dir", "/x", "epochs", 3), ExecutionMode.LOCAL, options));
    List<String> paths = error.violations().stream().map(v -> v.path() + ":" + v.constraint()).toList();
    assertEquals(List.of("sorce_dir:UnknownField", "source_dir:Required"), paths);
    assertTrue(error.getMessage().contains("did you mean 'source_dir'?"), error.getMessage());
    // A value the last action would refuse is refused before the first one starts.
    ValidationError invalid = assertThrows(ValidationError.class, () -> PluginRunner.runPipeline("pipeline_demo", "train_flow",
        Map.of("sourceDir", "/x", "epochs", 0, "learning_rate", "fast"), ExecutionMode.LOCAL, options));
    assertEquals(List.of("epochs:Min", "learning_rate:Type"),
        invalid.violations().stream().map(v -> v.path() + ":" + v.constraint()).toList(), invalid.getMessage());
    assertEquals(List.of(), Pipelines.list(10, options), "no run was recorded");
    assertEquals(List.of(), assertDoesNotThrowStarted(), "no action started");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aFailureStopsTheRunNamingTheActionAndAResumeGoesOnFromIt(String engine) throws Exception {
    String store = DemoRuns.storeUrl(engine, temp);
    Map<String, Object> initial = DemoRuns.initial(DemoRuns.sourceDir(temp));
    PipelineError failed = assertThrows(PipelineError.class, () -> PluginRunner.runPipeline("pipeline_demo", "train_flow", initial,
        ExecutionMode.LOCAL, DemoRuns.options(store, temp, null, Map.of("PIPELINE_DEMO_FAIL", "convert"))
            .option(Pipelines.RUN_ID_OPTION, "failing").build()));
    assertEquals(PipelineError.FAILED, failed.code());
    assertEquals("convert", failed.action().orElseThrow());
    assertEquals(1, failed.actionIndex());
    assertEquals("failing", failed.runId());
    ExecutionError cause = assertInstanceOf(ExecutionError.class, failed.getCause());
    assertTrue(cause.getMessage().contains("asked to fail"), cause.getMessage());
    RunOptions plain = DemoRuns.options(store, temp, null, Map.of()).build();
    RunRecord run = Pipelines.status("failing", plain);
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals(ActionStatus.COMPLETED, run.actions().get(0).status());
    assertEquals(ActionStatus.FAILED, run.actions().get(1).status());
    assertEquals("convert", run.error().get("action"));

    Object resumed = Pipelines.resume("failing", ExecutionMode.LOCAL, plain);
    assertInstanceOf(Trained.class, resumed);
    assertEquals(List.of("fetch", "convert", "convert", "train"), DemoRuns.started(temp), "fetch ran once");
    RunRecord done = Pipelines.status("failing", plain);
    assertEquals(RunStatus.COMPLETED, done.status());
    assertEquals(ActionStatus.SKIPPED, done.actions().get(0).status());
    assertEquals(2, done.actions().get(1).attempts());

    Object again = Pipelines.resume("failing", ExecutionMode.LOCAL, plain);
    assertEquals(resumed, again, "resuming a completed run returns its result");
    assertEquals(4, DemoRuns.started(temp).size(), "and runs nothing");
    assertThrows(RunNotFoundError.class, () -> Pipelines.resume("no-such-run", ExecutionMode.LOCAL, plain));
  }

  @Test
  void cancellingStopsTheCurrentActionAndTheRunEndsCancelled() throws Exception {
    String store = DemoRuns.storeUrl("sqlite", temp);
    Map<String, Object> initial = DemoRuns.initial(DemoRuns.sourceDir(temp));
    RunOptions held = DemoRuns.options(store, temp, null, Map.of("PIPELINE_DEMO_HOLD", "convert")).option(Pipelines.RUN_ID_OPTION, "held")
        .build();
    CompletableFuture<Object> running = CompletableFuture.supplyAsync(
        () -> PluginRunner.runPipeline("pipeline_demo", "train_flow", initial, ExecutionMode.LOCAL, held));
    awaitRunning(held, "held", 1);
    assertTrue(Pipelines.cancel("held", held));
    PipelineError cancelled = assertInstanceOf(PipelineError.class,
        assertThrows(java.util.concurrent.ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS)).getCause());
    assertEquals(PipelineError.CANCELLED, cancelled.code());
    assertEquals("convert", cancelled.action().orElseThrow());
    RunRecord run = Pipelines.status("held", held);
    assertEquals(RunStatus.CANCELLED, run.status());
    assertEquals(ActionStatus.CANCELLED, run.actions().get(1).status());
    assertFalse(Pipelines.cancel("held", held), "it has ended");

    Object resumed = Pipelines.resume("held", ExecutionMode.LOCAL, DemoRuns.options(store, temp, null, Map.of()).build());
    assertInstanceOf(Trained.class, resumed);
    assertEquals(List.of("fetch", "convert", "convert", "train"), DemoRuns.started(temp));
  }

  private List<String> assertDoesNotThrowStarted() {
    try {
      return DemoRuns.started(temp);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static void awaitRunning(RunOptions options, String runId, int index) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try {
        RunRecord run = Pipelines.status(runId, options);
        seen.add(run.status() + "/" + run.actions().get(index).status());
        if (run.actions().get(index).status() == ActionStatus.RUNNING) {
          return;
        }
        if (run.status().isTerminal()) {
          break;
        }
      } catch (RunNotFoundError e) {
        seen.add("not yet");
      }
      Thread.sleep(50);
    }
    throw new AssertionError("action " + index + " of run " + runId + " never ran; seen " + seen.subList(Math.max(0, seen.size() - 5), seen.size()));
  }
}
