package io.synapse.plugins.kits.export;

import io.synapse.plugins.kits.client.ExportRow;
import io.synapse.plugins.kits.client.FileRef;
import io.synapse.plugins.kits.client.StorageRecord;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The export kit's steps. */
final class ExportSteps {
  private ExportSteps() {}

  /** Creates the export directory in the storage. */
  static final class Initialize implements Step<ExportContext> {
    @Override
    public String name() {
      return "initialize";
    }

    @Override
    public StepResult execute(ExportContext context) throws Exception {
      ExportRequest request = context.request();
      StorageRecord storage = context.client().getStorage(request.storage());
      Path location;
      if (io.synapse.plugins.kits.client.StorageProviders.isHttp(storage.provider())) {
        // Written locally first, published by the last step: an http storage cannot list or delete.
        context.publishTo = io.synapse.plugins.kits.client.HttpStorage.of(storage);
        location = Files.createDirectories(io.synapse.plugins.kits.internal.KitPaths.cacheRoot(context.env())
            .resolve("http-exports")).resolve(java.util.UUID.randomUUID().toString()).toAbsolutePath().normalize();
      } else {
        location = storage.localLocation().toAbsolutePath().normalize();
      }
      Path root = location.resolve(request.path()).normalize();
      if (!root.startsWith(location)) {
        throw new IllegalArgumentException("the export path leaves the storage's location");
      }
      Files.createDirectories(root);
      Path dir = root.resolve(request.name());
      for (int counter = 1; ; counter++) {
        try {
          Files.createDirectory(dir);
          break;
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          dir = root.resolve(request.name() + "(" + counter + ")");
        }
      }
      context.exportDir = dir;
      if (context.publishTo != null) {
        String prefix = Path.of(request.path()).normalize().toString().replace('\\', '/');
        context.publishPath = (prefix.isEmpty() || prefix.equals(".") ? "" : prefix + "/") + dir.getFileName();
      }
      context.labelsDir = Files.createDirectories(dir.resolve("labels"));
      context.originalsDir = request.saveOriginalFile() ? Files.createDirectories(dir.resolve("origin_files")) : null;
      Map<String, Object> rollback = new LinkedHashMap<>(Map.of("export_dir", dir.toString()));
      if (context.publishTo != null) {
        rollback.put("staging_dir", location.toString());
        context.stagingDir = location;
      }
      return StepResult.ok(Map.of("export_dir", dir.toString()), rollback);
    }

    @Override
    public void rollback(ExportContext context, StepResult result) throws Exception {
      Object dir = result.rollbackData().get("export_dir");
      if (dir != null) {
        FileTrees.deleteTree(Path.of(String.valueOf(dir)));
      }
      Object staging = result.rollbackData().get("staging_dir");
      if (staging != null) {
        FileTrees.deleteTree(Path.of(String.valueOf(staging)));
      }
      context.exportDir = null;
    }
  }

  /** Reads the target's items. */
  static final class FetchResults implements Step<ExportContext> {
    @Override
    public String name() {
      return "fetch_results";
    }

    @Override
    public StepResult execute(ExportContext context) {
      context.setProgress(0, 1, "fetch");
      Map<String, String> filters = new LinkedHashMap<>();
      context.request().filter().forEach((key, value) -> filters.put(key, value instanceof List<?> list
          ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
      long count = context.client().listExportRows(context.request().target(), filters, context.rows::add);
      context.setProgress(1, 1, "fetch");
      context.setProgress(1, 1);
      context.log("results_fetched", Map.of("count", count));
      return StepResult.ok(Map.of("count", context.rows.size()));
    }

    @Override
    public void rollback(ExportContext context, StepResult result) {
      context.rows.clear();
    }
  }

  /** Reads the project's configuration. */
  static final class PrepareExport implements Step<ExportContext> {
    @Override
    public String name() {
      return "prepare_export";
    }

    @Override
    public boolean canSkip(ExportContext context) {
      return context.rows.isEmpty();
    }

    @Override
    public StepResult execute(ExportContext context) {
      Object project = context.request().filter().get("project");
      if (project != null) {
        long id = Long.parseLong(String.valueOf(project));
        context.projectId = id;
        context.configuration = context.client().getProject(id).configuration();
      }
      return StepResult.ok(Map.of("project", project == null ? "" : project));
    }

    @Override
    public void rollback(ExportContext context, StepResult result) {
      context.configuration = Map.of();
      context.projectId = null;
    }
  }

  /** Runs each item through the action's conversion hooks. */
  static final class ConvertData implements Step<ExportContext> {
    private final BaseExportAction<?> action;

    ConvertData(BaseExportAction<?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "convert_data";
    }

    @Override
    public double progressWeight() {
      return 3;
    }

    @Override
    public boolean canSkip(ExportContext context) {
      return context.rows.isEmpty();
    }

    @Override
    public StepResult execute(ExportContext context) throws Exception {
      int total = context.rows.size();
      int done = 0;
      for (ExportRow row : context.rows) {
        context.converted.add(action.convert(row, context));
        done++;
        context.setProgress(done, total);
        context.setProgress(done, total, "dataset_conversion");
      }
      return StepResult.ok(Map.of("converted", done));
    }

    @Override
    public void rollback(ExportContext context, StepResult result) {
      context.converted.clear();
    }
  }

  /** Writes each item's original file and data file. */
  static final class SaveFiles implements Step<ExportContext> {
    @Override
    public String name() {
      return "save_files";
    }

    @Override
    public double progressWeight() {
      return 4;
    }

    @Override
    public boolean canSkip(ExportContext context) {
      return context.converted.isEmpty();
    }

    @Override
    public StepResult execute(ExportContext context) throws Exception {
      int total = context.converted.size();
      boolean originals = context.originalsDir != null;
      int[] original = {0, 0};
      int[] data = {0, 0};
      Set<String> stems = new HashSet<>();
      List<String> written = new ArrayList<>();
      int index = 0;
      for (ExportRow item : context.converted) {
        index++;
        FileRef file = item.primaryFile().orElse(null);
        String originalName = file != null && file.name() != null ? safeName(file.name()) : null;
        String stem = uniqueStem(originalName != null ? stemOf(originalName) : Long.toString(item.id()), item.id(), stems);
        if (originals) {
          if (file == null || originalName == null) {
            context.originalFileErrors.add(List.of(stem, "file information missing (url or file_name_original)"));
            original[1]++;
          } else {
            Path target = context.originalsDir.resolve(stem + extensionOf(originalName));
            try {
              context.client().download(file.url(), target);
              written.add(target.toString());
              context.bytesWritten += Files.size(target);
              original[0]++;
            } catch (RuntimeException | IOException e) {
              context.originalFileErrors.add(List.of(target.getFileName().toString(), e.getClass().getSimpleName() + ": " + e.getMessage()));
              original[1]++;
            }
          }
          context.setMetrics(metrics(original, total - index), "original_file");
        }
        Path json = context.labelsDir.resolve(stem + ".json");
        if (item.data() == null) {
          context.dataFileErrors.add(List.of(json.getFileName().toString(), "data is null"));
          data[1]++;
        } else {
          KitJson.writeAtomically(json, KitJson.write(item.data()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          written.add(json.toString());
          context.bytesWritten += Files.size(json);
          data[0]++;
        }
        context.setMetrics(metrics(data, total - index), "data_file");
        context.setProgress(index, total);
        context.setProgress(index, total, "data_file");
        if (originals) {
          context.setProgress(index, total, "original_file");
        }
      }
      context.exported = data[0];
      context.failed = data[1];
      if (data[0] == 0 && data[1] > 0) {
        return StepResult.failure("the export wrote no data file: " + data[1] + " item(s) failed");
      }
      return StepResult.ok(Map.of("exported", data[0], "failed", data[1]), Map.of("written", written));
    }

    @Override
    public void rollback(ExportContext context, StepResult result) throws IOException {
      for (Object file : (List<?>) result.rollbackData().getOrDefault("written", List.of())) {
        Files.deleteIfExists(Path.of(String.valueOf(file)));
      }
      context.exported = 0;
      context.failed = 0;
    }

    private static Map<String, Object> metrics(int[] counts, int standBy) {
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("stand_by", standBy);
      metrics.put("success", counts[0]);
      metrics.put("failed", counts[1]);
      return metrics;
    }
  }

  /** Writes the error list and the action's additional files. */
  static final class Finalize implements Step<ExportContext> {
    private final BaseExportAction<?> action;

    Finalize(BaseExportAction<?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "finalize";
    }

    @Override
    public StepResult execute(ExportContext context) throws Exception {
      List<String> written = new ArrayList<>();
      if (!context.dataFileErrors.isEmpty() || !context.originalFileErrors.isEmpty()) {
        Path errors = context.exportDir.resolve("error_file_list.json");
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("json_file_name", context.dataFileErrors);
        list.put("origin_file_name", context.originalFileErrors);
        KitJson.writeAtomically(errors, list);
        written.add(errors.toString());
      }
      action.saveAdditional(context.exportDir, context);
      context.log("export_finished", Map.of("exported", context.exported, "failed", context.failed));
      return StepResult.ok(Map.of("export_dir", context.exportDir.toString()), Map.of("written", written));
    }

    @Override
    public void rollback(ExportContext context, StepResult result) throws IOException {
      for (Object file : (List<?>) result.rollbackData().getOrDefault("written", List.of())) {
        Files.deleteIfExists(Path.of(String.valueOf(file)));
      }
    }
  }

  static String safeName(String name) {
    return FileTrees.safeFileName(name, null);
  }

  private static String stemOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String extensionOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot) : "";
  }

  private static String uniqueStem(String stem, long id, Set<String> taken) {
    String candidate = stem;
    if (!taken.add(candidate)) {
      candidate = stem + "_" + id;
      int n = 1;
      while (!taken.add(candidate)) {
        candidate = stem + "_" + id + "_" + n++;
      }
    }
    return candidate;
  }
}
