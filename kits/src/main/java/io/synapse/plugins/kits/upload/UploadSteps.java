package io.synapse.plugins.kits.upload;

import io.synapse.plugins.kits.client.FileSpecification;
import io.synapse.plugins.kits.client.StorageRecord;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The upload kit's preparing steps: nothing they do leaves the machine. */
final class UploadSteps {
  private UploadSteps() {}

  /** Resolves the working directory in the storage. */
  static final class Initialize implements Step<UploadContext> {
    @Override
    public String name() {
      return "initialize";
    }

    @Override
    public StepResult execute(UploadContext context) {
      StorageRecord storage = context.client().getStorage(context.request().storage());
      Path location = storage.localLocation().toAbsolutePath().normalize();
      Path dir = location.resolve(context.request().path()).normalize();
      if (!dir.startsWith(location)) {
        return StepResult.failure("the upload path leaves the storage's location");
      }
      if (!Files.isDirectory(dir)) {
        return StepResult.failure("the upload path " + context.request().path() + " is not a directory of storage " + storage.id());
      }
      context.workingDir = dir;
      return StepResult.ok(Map.of("working_dir", dir.toString()));
    }

    @Override
    public void rollback(UploadContext context, StepResult result) {
      context.workingDir = null;
    }
  }

  /** Reads the optional metadata file. */
  static final class ProcessMetadata implements Step<UploadContext> {
    @Override
    public String name() {
      return "process_metadata";
    }

    @Override
    public boolean canSkip(UploadContext context) {
      return context.request().metadataPath() == null || context.request().metadataPath().isBlank();
    }

    @Override
    public StepResult execute(UploadContext context) throws IOException {
      Path file = context.workingDir.resolve(context.request().metadataPath()).normalize();
      if (!file.startsWith(context.workingDir) || !Files.isRegularFile(file)) {
        return StepResult.failure("metadata file " + context.request().metadataPath() + " is not a file under the upload path");
      }
      Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".json")) {
        KitJson.readMap(file).forEach((key, value) -> metadata.put(key, KitJson.asMap(value)));
      } else if (name.endsWith(".csv")) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
          return StepResult.failure("metadata file " + file.getFileName() + " is empty");
        }
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
          if (line.isBlank()) {
            continue;
          }
          String[] cells = line.split(",", -1);
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i < header.length && i < cells.length; i++) {
            row.put(header[i].strip(), cells[i].strip());
          }
          metadata.put(cells[0].strip(), row);
        }
      } else {
        return StepResult.failure("metadata file " + file.getFileName() + " must be .json or .csv (Excel files are not read)");
      }
      context.metadata = metadata;
      return StepResult.ok(Map.of("entries", metadata.size()));
    }

    @Override
    public void rollback(UploadContext context, StepResult result) {
      context.metadata = Map.of();
    }
  }

  /** Reads the data collection's file specifications. */
  static final class AnalyzeCollection implements Step<UploadContext> {
    @Override
    public String name() {
      return "analyze_collection";
    }

    @Override
    public StepResult execute(UploadContext context) {
      context.setProgress(0, 1);
      context.collection = context.client().getDataCollection(context.request().dataCollection());
      context.setProgress(1, 1);
      if (context.collection.fileSpecifications().isEmpty()) {
        return StepResult.failure("data collection " + context.collection.id() + " has no file specifications");
      }
      return StepResult.ok(Map.of("specifications", context.collection.fileSpecifications().size()));
    }

    @Override
    public void rollback(UploadContext context, StepResult result) {
      context.collection = null;
    }
  }

  /** Groups each specification directory's files by stem. */
  static final class OrganizeFiles implements Step<UploadContext> {
    @Override
    public String name() {
      return "organize_files";
    }

    @Override
    public double progressWeight() {
      return 2;
    }

    @Override
    public StepResult execute(UploadContext context) throws IOException {
      Map<String, Map<String, Path>> byStem = new TreeMap<>();
      List<String> present = new ArrayList<>();
      for (FileSpecification spec : context.collection.fileSpecifications()) {
        Path dir = context.workingDir.resolve(spec.name()).normalize();
        if (!dir.startsWith(context.workingDir) || !Files.isDirectory(dir)) {
          continue;
        }
        present.add(spec.name());
        try (Stream<Path> files = context.request().isRecursive() ? Files.walk(dir) : Files.list(dir)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            String relative = dir.relativize(file).toString().replace('\\', '/');
            int dot = relative.lastIndexOf('.');
            String stem = dot > relative.lastIndexOf('/') + 1 ? relative.substring(0, dot) : relative;
            Map<String, Path> group = byStem.computeIfAbsent(stem, key -> new LinkedHashMap<>());
            if (group.putIfAbsent(spec.name(), file) != null) {
              context.invalid.add(relative + ": a second file for " + spec.name() + " with the same stem");
            }
          }
        }
      }
      int incomplete = 0;
      java.util.Set<String> shard = context.request().shard() == null ? java.util.Set.of() : java.util.Set.copyOf(context.request().shard());
      for (Map.Entry<String, Map<String, Path>> entry : byStem.entrySet()) {
        if (!shard.isEmpty() && !shard.contains(entry.getKey())) {
          continue;
        }
        boolean complete = true;
        for (FileSpecification spec : context.collection.fileSpecifications()) {
          if (spec.required() && !entry.getValue().containsKey(spec.name())) {
            complete = false;
          }
        }
        if (!complete) {
          incomplete++;
          context.invalid.add(entry.getKey() + ": a required file is missing");
          continue;
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("origin_file_stem", entry.getKey());
        for (Path file : entry.getValue().values()) {
          Map<String, Object> extra = context.metadata.get(file.getFileName().toString());
          if (extra == null) {
            extra = context.metadata.get(entry.getKey());
          }
          if (extra != null) {
            meta.putAll(extra);
          }
        }
        context.groups.add(new UploadContext.FileGroup(entry.getKey(), entry.getValue(), meta));
      }
      context.setProgress(1, 1);
      context.log("files_organized", Map.of("groups", context.groups.size(), "incomplete", incomplete, "directories", present));
      return StepResult.ok(Map.of("groups", context.groups.size()));
    }

    @Override
    public void rollback(UploadContext context, StepResult result) {
      context.groups.clear();
      context.invalid.clear();
    }
  }

  /** Drops the groups with a file of a disallowed extension or above the size limit. */
  static final class ValidateFiles implements Step<UploadContext> {
    private final BaseUploadAction<?> action;

    ValidateFiles(BaseUploadAction<?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "validate_files";
    }

    @Override
    public StepResult execute(UploadContext context) throws IOException {
      long limit = context.request().maxFileSizeMb() * 1024L * 1024L;
      Map<String, Set<String>> extra = action.extensions();
      List<UploadContext.FileGroup> valid = new ArrayList<>();
      for (UploadContext.FileGroup group : context.groups) {
        String problem = null;
        for (Map.Entry<String, Path> file : group.files().entrySet()) {
          FileSpecification spec = context.collection.fileSpecifications().stream()
              .filter(s -> s.name().equals(file.getKey())).findFirst().orElseThrow();
          String name = file.getValue().getFileName().toString().toLowerCase(Locale.ROOT);
          int dot = name.lastIndexOf('.');
          String extension = dot >= 0 ? name.substring(dot) : "";
          List<String> allowed = new ArrayList<>(spec.extensions().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
          if (extra != null) {
            Set<String> more = extra.get(spec.name());
            if (more == null) {
              problem = file.getKey() + " is not accepted by this action";
              break;
            }
            List<String> narrowed = more.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
            allowed = allowed.isEmpty() ? new ArrayList<>(narrowed) : allowed.stream().filter(narrowed::contains).toList();
            if (allowed.isEmpty()) {
              problem = file.getKey() + ": no extension is allowed by both the collection and the action";
              break;
            }
          }
          if (!allowed.isEmpty() && !allowed.contains(extension)) {
            problem = file.getValue().getFileName() + ": extension '" + extension + "' is not allowed for " + spec.name();
            break;
          }
          if (Files.size(file.getValue()) > limit) {
            problem = file.getValue().getFileName() + ": larger than " + context.request().maxFileSizeMb() + " MiB";
            break;
          }
        }
        if (problem == null) {
          valid.add(group);
        } else {
          context.invalid.add(group.stem() + ": " + problem);
        }
      }
      int dropped = context.groups.size() - valid.size();
      context.groups.clear();
      context.groups.addAll(valid);
      context.setMetrics(Map.of("valid", valid.size(), "invalid", dropped));
      if (valid.isEmpty()) {
        return StepResult.failure("no file group passed validation (" + context.invalid.size() + " problem(s); first: "
            + (context.invalid.isEmpty() ? "no files found" : context.invalid.get(0)) + ")");
      }
      return StepResult.ok(Map.of("valid", valid.size(), "invalid", dropped));
    }
  }
}
