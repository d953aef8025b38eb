package io.synapse.plugins.kits.upload;

import io.synapse.plugins.kits.client.FileSpecification;
import io.synapse.plugins.kits.client.StorageRecord;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
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

  /** Resolves the working directory (and, in multi-path mode, each specification's directory) in the storage. */
  static final class Initialize implements Step<UploadContext> {
    @Override
    public String name() {
      return "initialize";
    }

    @Override
    public StepResult execute(UploadContext context) {
      UploadRequest request = context.request();
      boolean single = request.useSinglePath();
      Map<String, AssetPath> assets = request.assets() == null ? Map.of() : request.assets();
      if (single && (request.path() == null || request.path().isBlank())) {
        return StepResult.failure("path is required in single-path mode (use_single_path: true)");
      }
      if (!single && assets.isEmpty()) {
        return StepResult.failure("assets is required in multi-path mode (use_single_path: false): one entry per file specification");
      }
      StorageRecord storage = context.client().getStorage(request.storage());
      Path location = storage.localLocation().toAbsolutePath().normalize();
      if (single) {
        Path dir = inside(location, request.path());
        if (dir == null) {
          return StepResult.failure("the upload path leaves the storage's location");
        }
        if (!Files.isDirectory(dir)) {
          return StepResult.failure("the upload path " + request.path() + " is not a directory of storage " + storage.id());
        }
        context.workingDir = dir;
        return StepResult.ok(Map.of("working_dir", dir.toString()));
      }
      for (Map.Entry<String, AssetPath> asset : new TreeMap<>(assets).entrySet()) {
        Path dir = asset.getValue() == null ? null : inside(location, asset.getValue().path());
        if (dir == null) {
          return StepResult.failure("the path of asset '" + asset.getKey() + "' leaves the storage's location");
        }
        if (!Files.isDirectory(dir)) {
          return StepResult.failure("the path " + asset.getValue().path() + " of asset '" + asset.getKey() + "' is not a directory of storage "
              + storage.id());
        }
        context.specDirs.put(asset.getKey(), Map.entry(dir, asset.getValue().isRecursive()));
      }
      context.workingDir = location;
      return StepResult.ok(Map.of("working_dir", location.toString(), "assets", context.specDirs.size()));
    }

    private static Path inside(Path location, String relative) {
      Path dir = location.resolve(relative).normalize();
      return dir.startsWith(location) ? dir : null;
    }

    @Override
    public void rollback(UploadContext context, StepResult result) {
      context.workingDir = null;
      context.specDirs.clear();
    }
  }

  /** Reads the metadata file: the one the params name, else {@code meta.xlsx}, {@code meta.xls} or {@code meta.csv} when present. */
  static final class ProcessMetadata implements Step<UploadContext> {
    private final BaseUploadAction<?> action;

    ProcessMetadata(BaseUploadAction<?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "process_metadata";
    }

    @Override
    public boolean canSkip(UploadContext context) {
      return named(context) == null && defaultFile(context) == null;
    }

    @Override
    public StepResult execute(UploadContext context) {
      UploadRequest request = context.request();
      if (!blank(request.excelMetadataPath()) && !blank(request.metadataPath())) {
        return StepResult.failure("set excel_metadata_path or metadata_path, not both");
      }
      String named = named(context);
      Path file = named != null ? context.workingDir.resolve(named).normalize() : defaultFile(context);
      if (file == null || !file.startsWith(context.workingDir) || !Files.isRegularFile(file)) {
        return StepResult.failure("metadata file " + named + " is not a file under the upload path");
      }
      context.setProgress(0, 1);
      Map<String, Map<String, Object>> metadata = MetadataFiles.read(file, action.metadataLimits());
      context.metadata = metadata;
      context.setProgress(1, 1);
      return StepResult.ok(Map.of("entries", metadata.size(), "file", file.getFileName().toString()));
    }

    private static String named(UploadContext context) {
      UploadRequest request = context.request();
      return !blank(request.excelMetadataPath()) ? request.excelMetadataPath() : blank(request.metadataPath()) ? null : request.metadataPath();
    }

    private static Path defaultFile(UploadContext context) {
      if (!context.request().useSinglePath() || context.workingDir == null) {
        return null;
      }
      for (String name : MetadataFiles.DEFAULT_NAMES) {
        Path candidate = context.workingDir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
      return null;
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
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
      boolean single = context.request().useSinglePath();
      for (FileSpecification spec : context.collection.fileSpecifications()) {
        Map.Entry<Path, Boolean> asset = single ? null : context.specDirs.get(spec.name());
        if (!single && asset == null) {
          if (spec.required()) {
            return StepResult.failure("multi-path mode needs an assets entry for the required file specification '" + spec.name() + "'");
          }
          continue;
        }
        Path dir = single ? context.workingDir.resolve(spec.name()).normalize() : asset.getKey();
        if (!dir.startsWith(context.workingDir) || !Files.isDirectory(dir)) {
          continue;
        }
        present.add(spec.name());
        boolean recursive = single ? context.request().isRecursive() : asset.getValue();
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
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
