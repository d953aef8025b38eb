package io.synapse.plugins.kits.upload;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitAction;
import io.synapse.plugins.kits.internal.ParamChecks;
import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.Steps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The upload kit. Steps: {@code initialize} (the storage's directory), {@code process_metadata} (the
 * optional metadata file), {@code analyze_collection} (the data collection's file specifications),
 * {@code organize_files} (files of each specification's directory grouped by stem, one group per data
 * unit; groups missing a required file are left out), {@code validate_files} (allowed extensions and
 * the size limit), {@code upload_files} (in parallel, each upload tried again after a failure that
 * left nothing behind), {@code generate_data_units} (in batches) and {@code cleanup}. When a step
 * fails, the data units the run created are deleted, and the files it uploaded where the backend can
 * delete them (the local backend; the platform has no endpoint for it). With a
 * {@link #shardExecutor()}, the upload and the data units are fanned out over it (a TASK pool).
 *
 * @param <P> the params record, implementing {@link UploadRequest}
 */
public abstract class BaseUploadAction<P extends Record & UploadRequest> extends KitAction<P, UploadContext, UploadResult> {
  /** The most lost files a result lists. */
  public static final int LOST_FILES_LIMIT = 100;

  /** For subclasses. */
  protected BaseUploadAction() {}

  /**
   * Extensions accepted per specification name (with the dot, any case), on top of the collection's
   * own; null (the default) accepts what the collection accepts.
   */
  protected Map<String, Set<String>> allowedExtensions() {
    return null;
  }

  /**
   * Where the upload fans out to; null (the default) uploads in this run. With an executor (a
   * {@code RayActorExecutor}), the valid file groups are split into {@link #shardCount()} shards, each
   * uploaded and turned into data units by a run of this same action on the executor, in parallel,
   * with one progress count over all of them; a shard that fails rolls itself back, and the others are
   * rolled back by this run.
   */
  protected io.synapse.plugins.executors.Executor shardExecutor() {
    return null;
  }

  /** How many shards a fanned-out upload is split into (4 by default). */
  protected int shardCount() {
    return 4;
  }

  /** How much of a metadata file is read ({@link MetadataLimits#DEFAULTS}, the platform's, unless overridden). */
  protected MetadataLimits metadataLimits() {
    return MetadataLimits.DEFAULTS;
  }

  /** Adds to a unit's metadata before it is created; returns it unchanged by default. */
  protected Map<String, Object> unitMeta(UploadContext.FileGroup group, UploadContext context) {
    return group.meta();
  }

  @Override
  protected void registerSteps(StepRegistry<UploadContext> steps) {
    steps.register(Steps.logged(new UploadSteps.Initialize()))
        .register(Steps.logged(new UploadSteps.ProcessMetadata(this)))
        .register(Steps.logged(new UploadSteps.AnalyzeCollection()))
        .register(Steps.logged(new UploadSteps.OrganizeFiles()))
        .register(Steps.logged(new UploadSteps.ValidateFiles(this)))
        .register(Steps.logged(new UploadTransfer.UploadFiles(this)))
        .register(Steps.logged(new UploadTransfer.GenerateDataUnits(this)))
        .register(Steps.logged(new UploadTransfer.Cleanup()));
  }

  @Override
  protected UploadContext createContext(RuntimeContext runtime) {
    P p = params();
    Map<String, AssetPath> assets = p.assets() == null ? Map.of() : p.assets();
    ParamChecks checks = ParamChecks.of(runtime.actionName())
        .require(!p.useSinglePath() || (p.path() != null && !p.path().isBlank()), "path",
            "is required in single-path mode (use_single_path: true)", "NotBlank")
        .require(p.useSinglePath() || !assets.isEmpty(), "assets",
            "is required in multi-path mode (use_single_path: false): one entry per file specification", "NotEmpty")
        .require(p.path() == null || staysInside(p.path()), "path", "must stay inside the storage (no leading ..)", "Path")
        .require(p.metadataPath() == null || staysInside(p.metadataPath()), "metadata_path",
            "must stay inside the upload path (no leading ..)", "Path")
        .require(p.excelMetadataPath() == null || staysInside(p.excelMetadataPath()), "excel_metadata_path",
            "must stay inside the upload path (no leading ..)", "Path");
    for (Map.Entry<String, AssetPath> asset : new java.util.TreeMap<>(assets).entrySet()) {
      checks.require(asset.getValue() != null && staysInside(asset.getValue().path()), "assets." + asset.getKey() + ".path",
          "must stay inside the storage (no leading ..)", "Path");
    }
    checks.throwIfAny();
    return new UploadContext(runtime, client(), p);
  }

  @Override
  protected UploadResult result(UploadContext context) {
    List<String> lost = List.copyOf(context.lost);
    List<Long> units = new java.util.ArrayList<>(context.shardUnitIds);
    context.dataUnits.forEach(unit -> units.add(unit.id()));
    List<Long> files = new java.util.ArrayList<>(context.shardFileIds);
    context.uploaded.values().forEach(file -> files.add(file.id()));
    return new UploadResult(context.uploaded.size() + context.shardUploaded, units.size(),
        "data_collection:" + context.request().dataCollection(), lost.isEmpty() ? "completed" : "partial",
        lost.subList(0, Math.min(lost.size(), LOST_FILES_LIMIT)), List.copyOf(units), List.copyOf(files));
  }

  private static boolean staysInside(String path) {
    try {
      return path != null && !Path.of(path).normalize().startsWith("..");
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  io.synapse.plugins.executors.Executor shards() {
    return params().shard() == null || params().shard().isEmpty() ? shardExecutor() : null;
  }

  int shardTotal() {
    return Math.max(1, shardCount());
  }

  Map<String, Set<String>> extensions() {
    return allowedExtensions();
  }

  Map<String, Object> meta(UploadContext.FileGroup group, UploadContext context) {
    return unitMeta(group, context);
  }
}
