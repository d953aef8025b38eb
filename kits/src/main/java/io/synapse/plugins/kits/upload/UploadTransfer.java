package io.synapse.plugins.kits.upload;

import io.synapse.plugins.kits.client.DataUnit;
import io.synapse.plugins.kits.client.DataUnitCreate;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The upload kit's steps that change the backend: uploading files, creating data units, cleaning up. */
final class UploadTransfer {
  private UploadTransfer() {}

  /** Uploads every file of the valid groups, in parallel (or fans the groups out as shards). */
  static final class UploadFiles implements Step<UploadContext> {
    private final BaseUploadAction<?> action;

    UploadFiles(BaseUploadAction<?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "upload_files";
    }

    @Override
    public double progressWeight() {
      return 6;
    }

    @Override
    public StepResult execute(UploadContext context) throws Exception {
      io.synapse.plugins.executors.Executor shards = action.shards();
      if (shards != null && context.groups.size() > 1) {
        return UploadShards.fanOut(action, shards, context);
      }
      List<Path> files = new ArrayList<>();
      context.groups.forEach(group -> files.addAll(group.files().values()));
      Map<String, Object> summary = FileUploads.run(context, files);
      List<Long> ids = new ArrayList<>();
      context.uploaded.values().forEach(file -> ids.add(file.id()));
      if (context.uploaded.isEmpty()) {
        return StepResult.failure("no file was uploaded (" + summary.get("failed") + " failed)");
      }
      // Groups that lost a file cannot become complete data units.
      context.groups.removeIf(group -> !context.uploaded.keySet().containsAll(group.files().values()));
      return StepResult.ok(summary, Map.of("data_files", ids));
    }

    @Override
    public void rollback(UploadContext context, StepResult result) {
      UploadShards.rollBack(context);
      List<Long> ids = new ArrayList<>();
      Object recorded = result.rollbackData().get("data_files");
      if (recorded instanceof List<?> list) {
        list.forEach(id -> ids.add(((Number) id).longValue()));
      } else {
        context.uploaded.values().forEach(file -> ids.add(file.id()));
      }
      int kept = 0;
      for (long id : ids) {
        if (!context.client().deleteDataFile(id)) {
          kept++;
        }
      }
      if (kept > 0) {
        context.log("data_files_kept", Map.of("count", kept, "reason", "the backend cannot delete uploaded files"));
      }
      context.uploaded.clear();
    }
  }

  /** Creates one data unit per complete group, in batches. */
  static final class GenerateDataUnits implements Step<UploadContext> {
    private final BaseUploadAction<?> action;

    GenerateDataUnits(BaseUploadAction<?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "generate_data_units";
    }

    @Override
    public double progressWeight() {
      return 4;
    }

    @Override
    public boolean canSkip(UploadContext context) {
      return context.sharded;
    }

    @Override
    public StepResult execute(UploadContext context) {
      List<DataUnitCreate> units = new ArrayList<>();
      for (UploadContext.FileGroup group : context.groups) {
        Map<String, DataUnitCreate.DataUnitFile> files = new LinkedHashMap<>();
        group.files().forEach((spec, file) -> files.put(spec, new DataUnitCreate.DataUnitFile(
            context.uploaded.get(file).checksum(), context.workingDir.relativize(file).toString().replace('\\', '/'))));
        String groupName = context.request().groupName();
        units.add(new DataUnitCreate(context.request().dataCollection(), files, action.meta(group, context),
            groupName == null || groupName.isBlank() ? List.of() : List.of(groupName)));
      }
      int batch = context.request().creatingDataUnitBatchSize();
      List<Long> created = new ArrayList<>();
      try {
        for (int start = 0; start < units.size(); start += batch) {
          List<DataUnit> made = context.client().createDataUnits(units.subList(start, Math.min(units.size(), start + batch)));
          context.dataUnits.addAll(made);
          made.forEach(unit -> created.add(unit.id()));
          context.setProgress(Math.min(units.size(), start + batch), units.size());
        }
      } catch (RuntimeException e) {
        // The batches that were created are removed by this step's rollback, which sees them in the context.
        throw e;
      }
      return StepResult.ok(Map.of("data_units", created.size()), Map.of("data_units", created));
    }

    @Override
    public void rollback(UploadContext context, StepResult result) {
      List<Long> ids = new ArrayList<>();
      context.dataUnits.forEach(unit -> ids.add(unit.id()));
      for (long id : ids) {
        context.client().deleteDataUnit(id);
      }
      context.dataUnits.clear();
    }
  }

  /** Reports what the upload did. */
  static final class Cleanup implements Step<UploadContext> {
    @Override
    public String name() {
      return "cleanup";
    }

    @Override
    public StepResult execute(UploadContext context) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("uploaded", context.uploaded.size());
      summary.put("data_units", context.dataUnits.size());
      summary.put("lost", context.lost.size());
      summary.put("invalid", context.invalid.size());
      context.log("upload_finished", summary);
      return StepResult.ok(summary);
    }
  }
}
