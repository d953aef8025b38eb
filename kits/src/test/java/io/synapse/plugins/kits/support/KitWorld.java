package io.synapse.plugins.kits.support;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.kits.client.BackendClients;
import io.synapse.plugins.kits.client.DataCollection;
import io.synapse.plugins.kits.client.DataUnit;
import io.synapse.plugins.kits.client.FileSpecification;
import io.synapse.plugins.kits.client.GroundTruthVersion;
import io.synapse.plugins.kits.client.LocalBackendClient;
import io.synapse.plugins.kits.client.LocalBackendSeeder;
import io.synapse.plugins.kits.client.ModelCreate;
import io.synapse.plugins.kits.client.ModelRecord;
import io.synapse.plugins.kits.client.PluginRelease;
import io.synapse.plugins.kits.client.Project;
import io.synapse.plugins.kits.client.StorageRecord;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.internal.KitPaths;
import io.synapse.plugins.kits.testplugin.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local platform for one test: a local backend seeded with a storage, a data collection, a project
 * with tasks and assignments, a ground-truth dataset of three generated images with boxes, polygons
 * and a pose, a model and a pre-processor release; a cache directory; and a runner of the test
 * plugin's actions with that environment.
 */
public final class KitWorld {
  public final Path root;
  public final Path backendDir;
  public final Path storageDir;
  public final Path cacheDir;
  public final Path files;
  public final LocalBackendClient backend;
  public final StorageRecord storage;
  public final DataCollection collection;
  public final Project project;
  public final GroundTruthVersion dataset;
  public final List<DataUnit> units = new ArrayList<>();
  public final List<Long> tasks = new ArrayList<>();
  public final ModelRecord model;
  public final PluginRelease preProcessor;
  public final RecordingSink sink = new RecordingSink();

  public KitWorld(Path root) throws IOException {
    this.root = root;
    this.backendDir = root.resolve("backend");
    this.storageDir = Files.createDirectories(root.resolve("storage"));
    this.cacheDir = root.resolve("cache");
    this.files = Files.createDirectories(root.resolve("files"));
    this.backend = new LocalBackendClient(backendDir);
    LocalBackendSeeder seed = backend.seeder();
    storage = seed.storage("local", storageDir);
    collection = seed.dataCollection("images", List.of(
        new FileSpecification("image_1", true, true, "image", List.of(".png", ".jpg")),
        new FileSpecification("label_1", false, false, "data", List.of(".json"))));
    project = seed.project("Cars", collection.id(), Map.of("classes", List.of("car", "person")));
    dataset = seed.groundTruthVersion("cars v1");
    Path a = Images.png(files.resolve("img_a.png"), 64, 48, 1);
    Path b = Images.png(files.resolve("img_b.png"), 32, 32, 2);
    Path c = Images.png(files.resolve("img_c.png"), 40, 30, 3);
    seed.groundTruthEvent(dataset.id(), "train", dmImage(List.of(box("b1", "car", 4, 4, 20, 10), box("b2", "person", 30, 20, 10, 20)),
        List.of(polygon("p1", "car", List.of(List.of(1, 1), List.of(10, 1), List.of(10, 8)))), List.of()), Map.of("image_1", a));
    seed.groundTruthEvent(dataset.id(), "validation", dmImage(List.of(box("b3", "car", 0, 0, 32, 32)), List.of(), pose("g1")),
        Map.of("image_1", b));
    Map<String, Object> legacy = new LinkedHashMap<>();
    legacy.put("annotations", Map.of("image", List.of(Map.of("id", "x1", "tool", "bounding_box", "classification", Map.of("class", "person")))));
    legacy.put("annotationsData", Map.of("image", List.of(Map.of("id", "x1", "coordinate", Map.of("x", 2, "y", 3, "width", 5, "height", 6)))));
    Path meta = files.resolve("img_c_meta.json");
    Files.writeString(meta, KitJson.write(legacy));
    Map<String, Path> cFiles = new LinkedHashMap<>();
    cFiles.put("image_1", c);
    cFiles.put("data_meta_1", meta);
    seed.groundTruthEvent(dataset.id(), "train", Map.of(), cFiles);
    for (int i = 0; i < 3; i++) {
      Path image = Images.png(files.resolve("task_" + i + ".png"), 16, 16, 10 + i);
      Path label = files.resolve("task_" + i + ".json");
      Files.writeString(label, KitJson.write(Map.of("boxes", List.of(List.of(i, i, 4, 4)))));
      Map<String, Path> unitFiles = new LinkedHashMap<>();
      unitFiles.put("image_1", image);
      unitFiles.put("label_1", label);
      DataUnit unit = seed.dataUnit(collection.id(), unitFiles, Map.of("n", i));
      units.add(unit);
      tasks.add(seed.task(project.id(), unit.id(), Map.of("status", "new")).id());
      seed.assignment(project.id(), unit.id(), Map.of("annotations", List.of(Map.of("box", List.of(i, i, 4, 4)))));
    }
    Path weights = Files.createDirectories(files.resolve("weights"));
    Files.writeString(weights.resolve("weights.txt"), "base-model\n");
    Path zip = files.resolve("base.zip");
    FileTrees.zip(weights, zip);
    model = backend.createModel(new ModelCreate("base", "kits_test", "0.1.0", null, null, Map.of()), zip);
    preProcessor = seed.pluginRelease("kits_test", "0.1.0", Map.of("actions", Map.of("inference", Map.of())));
  }

  /** The environment of a run against this world (local backend, cache), plus {@code extra}. */
  public Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(BackendClients.LOCAL_BACKEND, backendDir.toString());
    env.put(KitPaths.CACHE_VARIABLE, cacheDir.toString());
    env.putAll(extra);
    return env;
  }

  /** Runs action {@code action} of the test plugin LOCAL with {@code params}. */
  public Object run(String action, Map<String, ?> params) {
    return run(action, params, Map.of());
  }

  /** Runs action {@code action} with {@code params} and extra environment. */
  public Object run(String action, Map<String, ?> params, Map<String, String> extraEnv) {
    return PluginRunner.runPlugin("kits_test", action, params, ExecutionMode.LOCAL,
        RunOptions.builder().env(env(extraEnv)).sink(sink).build());
  }

  /** Runs action {@code action} LOCAL as platform job {@code jobId}, with extra environment. */
  public Object runAsJob(String action, Map<String, ?> params, String jobId, Map<String, String> extraEnv) {
    return PluginRunner.runPlugin("kits_test", action, params, ExecutionMode.LOCAL,
        RunOptions.builder().env(env(extraEnv)).sink(sink).jobId(jobId).build());
  }

  /** Runs with a fault injected after step {@code step}. */
  public Object runFailingAfter(String action, Map<String, ?> params, String step) {
    return run(action, params, Map.of(Faults.VARIABLE, step));
  }

  /** Every file of the world (backend, storage, cache), hashed. */
  public java.util.SortedMap<String, String> snapshot(String... excluded) {
    return Trees.snapshot(List.of(backendDir, storageDir, cacheDir), excluded);
  }

  static Map<String, Object> dmImage(List<Object> boxes, List<Object> polygons, List<Object> keypoints) {
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("bounding_box", boxes);
    image.put("polygon", polygons);
    image.put("keypoint", keypoints);
    image.put("relation", List.of(Map.of("id", "r1", "classification", "near", "data", List.of("b1", "b2"))));
    return Map.of("images", List.of(image));
  }

  static Map<String, Object> box(String id, String name, double x, double y, double w, double h) {
    return Map.of("id", id, "classification", name, "data", List.of(x, y, w, h));
  }

  static Map<String, Object> polygon(String id, String name, List<List<Integer>> points) {
    return Map.of("id", id, "classification", name, "data", points);
  }

  static List<Object> pose(String group) {
    List<String> joints = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
        "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee",
        "left_ankle", "right_ankle");
    List<Object> points = new ArrayList<>();
    for (int i = 0; i < joints.size(); i++) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("id", group + "_" + i);
      point.put("classification", joints.get(i));
      point.put("group_id", group);
      point.put("visibility", i % 3 == 0 ? 1 : 2);
      point.put("data", List.of(2 + i, 3 + i));
      points.add(point);
    }
    return points;
  }
}
