package io.synapse.plugins.kits;

import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.BackendError;
import io.synapse.plugins.kits.client.ModelRecord;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitPaths;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Downloads a model's archive and extracts it into a cache directory shared by the runs of a machine
 * ({@code <cache>/models/<backend>_<id>}), once: the train kit's checkpoints and the inference kit's
 * models come from here. Extraction refuses entries that would land outside the directory and stops
 * past {@value #MAX_EXTRACTED_BYTES} bytes.
 */
public final class ModelDownloads {
  /** The most bytes a model archive may extract to (16 GiB). */
  public static final long MAX_EXTRACTED_BYTES = 16L * 1024 * 1024 * 1024;
  private static final String COMPLETE = ".complete";

  private ModelDownloads() {}

  /**
   * A downloaded model.
   *
   * @param model the model record
   * @param path the directory its archive was extracted into
   */
  public record LocalModel(ModelRecord model, Path path) {}

  /** The model {@code modelId}, extracted under {@code cacheRoot} (downloaded on first use). */
  public static LocalModel fetch(BackendClient client, long modelId, Path cacheRoot) throws IOException {
    ModelRecord model = client.getModel(modelId);
    if (model.fileUrl() == null || model.fileUrl().isBlank()) {
      throw BackendError.invalid("model " + modelId + " has no file", Map.of("model", modelId));
    }
    Path models = Files.createDirectories(cacheRoot.resolve("models"));
    Path dir = models.resolve(KitPaths.hash(client.describe()) + "_" + modelId);
    if (Files.isRegularFile(dir.resolve(COMPLETE))) {
      return new LocalModel(model, dir);
    }
    if (Files.exists(dir)) {
      FileTrees.deleteTree(dir); // a left-over without the marker is no download
    }
    Path temp = models.resolve(".tmp_" + dir.getFileName() + "_" + java.util.UUID.randomUUID());
    try {
      Files.createDirectories(temp);
      Path archive = client.download(model.fileUrl(), temp.resolve(".archive"));
      if (isZip(archive)) {
        FileTrees.unzip(archive, temp, MAX_EXTRACTED_BYTES);
        Files.delete(archive);
      } else {
        Files.move(archive, temp.resolve("model.bin"));
      }
      Files.writeString(temp.resolve(COMPLETE), "");
      try {
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, dir);
      } catch (java.nio.file.FileSystemException raced) {
        if (!Files.isRegularFile(dir.resolve(COMPLETE))) {
          throw raced;
        }
        FileTrees.deleteTree(temp); // another run finished first
      }
      return new LocalModel(model, dir);
    } catch (IOException | RuntimeException e) {
      FileTrees.deleteTree(temp);
      throw e;
    }
  }

  private static boolean isZip(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
  }
}
