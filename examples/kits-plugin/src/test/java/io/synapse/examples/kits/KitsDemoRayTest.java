package io.synapse.examples.kits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.kits.client.ModelRecord;
import io.synapse.plugins.kits.results.ExportResult;
import io.synapse.plugins.kits.results.TrainResult;
import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's kits on a real local Ray head: export and upload on the TASK pool, trials fanned out over it, the train kit as a JOB. */
@WithRayHead
class KitsDemoRayTest {
  private static RayHead ray;

  @BeforeAll
  static void cluster(RayHead head) {
    ray = head;
  }

  @TempDir Path temp;

  @org.junit.jupiter.api.AfterEach
  void closePools() {
    TrialPools.closeAll();
  }

  @Test
  void exportAndUploadRunOnTheTaskPool() throws Exception {
    DemoWorld world = new DemoWorld(temp.resolve("demo"));
    try (RayActorExecutor pool = RayActorExecutor.builder().address(ray.address()).dashboardUrl(ray.dashboardUrl()).numActors(1).env(world.env())
        .sink(new RecordingSink()).scheduleTimeout(Duration.ofSeconds(120)).build()) {
      ExportResult export = pool.execute(Export_Descriptor.INSTANCE, world.exportParams("pooled"));
      assertEquals(3, export.exportedCount());
      assertTrue(export.outputPath().startsWith(temp.toString()), export.outputPath());
      UploadResult upload = pool.execute(Upload_Descriptor.INSTANCE, world.uploadParams());
      assertEquals(3, upload.dataUnitCount());
      assertEquals(3 + 3, world.backend.countDataUnits(), "the workers wrote to the same local backend");
    }
  }

  @Test
  void hyperparameterTrialsRunInParallelOnTheTaskPool() throws Exception {
    DemoWorld world = new DemoWorld(temp.resolve("demo"));
    Map<String, String> env = new HashMap<>(world.env());
    env.put("KITS_DEMO_TRIAL_RAY_ADDRESS", ray.address());
    env.put(TrialPools.DASHBOARD, ray.dashboardUrl());
    TrainResult best = (TrainResult) io.synapse.plugins.PluginRunner.runPlugin("kits_demo", "train",
        Map.of("dataset", world.seeded.dataset().id(), "epochs", 1,
            "hyperparameters", List.of(Map.of("smoothing", 0.5), Map.of("smoothing", 0.0), Map.of("smoothing", 0.25))),
        io.synapse.plugins.ExecutionMode.LOCAL, io.synapse.plugins.RunOptions.builder().env(env).sink(new RecordingSink()).build());
    assertEquals(1.0, best.valMetrics().get("score"), 1e-9, "the trial without smoothing wins");
    List<ModelRecord> models = world.models();
    assertEquals(3, models.size(), "each trial, run by a worker, uploaded its model");
    assertEquals(Set.of(0.5, 0.0, 0.25), models.stream().map(m -> ((Number) ((Map<?, ?>) m.configuration().get("hyperparameter"))
        .get("smoothing")).doubleValue()).collect(Collectors.toSet()));
  }

  @Test
  void theUploadFansOutOverTheTaskPoolWithOneProgressCount() throws Exception {
    DemoWorld world = new DemoWorld(temp.resolve("demo"));
    Map<String, String> env = new HashMap<>(world.env());
    env.put("KITS_DEMO_SHARD_RAY_ADDRESS", ray.address());
    env.put(TrialPools.DASHBOARD, ray.dashboardUrl());
    RecordingSink sink = new RecordingSink();
    UploadResult result = (UploadResult) io.synapse.plugins.PluginRunner.runPlugin("kits_demo", "upload", world.uploadParams(),
        io.synapse.plugins.ExecutionMode.LOCAL, io.synapse.plugins.RunOptions.builder().env(env).sink(sink).build());
    assertEquals(3, result.dataUnitCount());
    assertEquals(3 + 3, world.backend.countDataUnits(), "the workers' shards created the units");
    List<Long> progress = sink.events(io.synapse.plugins.events.EventType.PROGRESS).stream()
        .filter(e -> "upload_files".equals(e.category())).map(e -> e.progress().current()).toList();
    assertEquals(3L, progress.get(progress.size() - 1), progress.toString());
  }

  @Test
  void theTrainKitRunsAsARayJob() throws Exception {
    DemoWorld world = new DemoWorld(temp.resolve("demo"));
    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl(ray.dashboardUrl()).env(world.env()).build();
    String id = jobs.submit(BoxTrain_Descriptor.INSTANCE, Map.of("dataset", world.seeded.dataset().id(), "epochs", 1, "name", "job")).id();
    TrainResult result = (TrainResult) jobs.wait(id, Duration.ofSeconds(180));
    assertEquals(Map.of("classes", 2.0), result.trainMetrics());
    List<ModelRecord> models = world.models();
    assertEquals(1, models.size());
    assertTrue(models.get(0).name().startsWith("job_"), models.get(0).name());
    assertTrue(world.modelJson(models.get(0), temp).contains("\"1\":["), "the job's model holds both classes");
  }
}
