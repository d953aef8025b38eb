package io.synapse.examples.kits;

import io.synapse.plugins.kits.client.DataCollection;
import io.synapse.plugins.kits.client.FileSpecification;
import io.synapse.plugins.kits.client.GroundTruthVersion;
import io.synapse.plugins.kits.client.LocalBackendClient;
import io.synapse.plugins.kits.client.LocalBackendSeeder;
import io.synapse.plugins.kits.client.Project;
import io.synapse.plugins.kits.client.StorageRecord;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Seeds a local backend for the demo: a storage, a data collection, a project with three assignments,
 * a ground-truth dataset of three generated images with boxes, and an upload directory. Prints the
 * ids as {@code key=value} lines. {@code java -cp ... io.synapse.examples.kits.SeedDemo DIR}.
 */
public final class SeedDemo {
  private SeedDemo() {}

  /**
   * What was seeded.
   *
   * @param storage the storage (its location is {@code DIR/storage})
   * @param collection the data collection
   * @param project the project
   * @param dataset the ground-truth dataset version
   */
  public record Seeded(StorageRecord storage, DataCollection collection, Project project, GroundTruthVersion dataset) {}

  /** Seeds {@code dir}: the backend under {@code dir/backend}, the storage under {@code dir/storage}. */
  public static Seeded seed(Path dir) throws IOException {
    LocalBackendClient backend = new LocalBackendClient(dir.resolve("backend"));
    LocalBackendSeeder seed = backend.seeder();
    Path storageDir = Files.createDirectories(dir.resolve("storage"));
    StorageRecord storage = seed.storage("demo", storageDir);
    DataCollection collection = seed.dataCollection("images", List.of(
        new FileSpecification("image_1", true, true, "image", List.of(".png", ".jpg")),
        new FileSpecification("label_1", false, false, "data", List.of(".json"))));
    Project project = seed.project("Demo", collection.id(), Map.of("classes", List.of("car", "person")));
    GroundTruthVersion dataset = seed.groundTruthVersion("demo v1");
    Path files = Files.createDirectories(dir.resolve("seed-files"));
    for (int i = 0; i < 3; i++) {
      Path image = png(files.resolve("scene_" + i + ".png"), 40 + 8 * i, 30, i);
      List<Object> boxes = List.of(Map.of("id", "c" + i, "classification", "car", "data", List.of(2, 2, 10 + i, 6)),
          Map.of("id", "p" + i, "classification", "person", "data", List.of(20, 5, 4, 12 + i)));
      Map<String, Object> data = Map.of("images", List.of(Map.of("bounding_box", boxes)));
      seed.groundTruthEvent(dataset.id(), i == 2 ? "validation" : "train", data, Map.of("image_1", image));
      Map<String, Path> unit = new LinkedHashMap<>();
      unit.put("image_1", image);
      long unitId = seed.dataUnit(collection.id(), unit, Map.of()).id();
      seed.assignment(project.id(), unitId, data);
      png(storageDir.resolve("incoming/image_1/new_" + i + ".png"), 16, 16, 10 + i);
    }
    return new Seeded(storage, collection, project, dataset);
  }

  private static Path png(Path file, int width, int height, int seed) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 5 + y * 11 + seed * 17) & 0xffffff);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Seeds the directory given as the first argument and prints the ids. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SeedDemo DIR");
      System.exit(2);
    }
    Seeded seeded = seed(Path.of(args[0]));
    System.out.println("SYNAPSE_LOCAL_BACKEND=" + Path.of(args[0]).resolve("backend").toAbsolutePath());
    System.out.println("storage=" + seeded.storage().id());
    System.out.println("data_collection=" + seeded.collection().id());
    System.out.println("project=" + seeded.project().id());
    System.out.println("dataset=" + seeded.dataset().id());
  }
}
