package io.synapse.plugins.kits.dataset;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitAction;
import io.synapse.plugins.kits.dataset.convert.DatasetFormat;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitPaths;
import io.synapse.plugins.kits.internal.ParamChecks;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import io.synapse.plugins.steps.Steps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The dataset kit: downloads a ground-truth dataset version into the DM v2 layout (files fetched in
 * parallel, cached) or converts a dataset directory between DM v2, YOLO and COCO. Progress categories:
 * {@code fetch} and {@code download} while downloading, {@code convert} while converting. A failure
 * removes what the run wrote. Extend it with an empty annotated class:
 *
 * <pre>{@code
 * @PluginAction(name = "dataset", method = RunMethod.TASK, category = PluginCategory.NEURAL_NET)
 * public final class Dataset extends DatasetAction {}
 * }</pre>
 */
public abstract class DatasetAction extends KitAction<DatasetParams, DatasetContext, DatasetResult> {

  /** For subclasses. */
  protected DatasetAction() {}

  @Override
  protected void registerSteps(StepRegistry<DatasetContext> steps) {
    steps.register(Steps.logged(new DownloadStep())).register(Steps.logged(new ConvertStep()));
  }

  @Override
  protected DatasetContext createContext(RuntimeContext runtime) {
    DatasetParams p = params();
    ParamChecks checks = ParamChecks.of(runtime.actionName());
    if (p.operation() == DatasetOperation.DOWNLOAD) {
      checks.require(p.dataset() != null, "dataset", "is required for operation download", "Required")
          .require(p.dataset() == null || p.dataset() > 0, "dataset", "must be a positive dataset version id", "Positive");
      if (p.splits() != null) {
        for (String split : p.splits().keySet()) {
          checks.require(DatasetDownloader.SPLIT_CATEGORIES.containsKey(split), "splits." + split,
              "is not a split name; use train, valid or test", "Split");
        }
      }
    } else {
      checks.require(p.path() != null && !p.path().isBlank(), "path", "is required for operation convert", "Required");
      checks.require(DatasetFormat.fromValue(p.sourceFormat()).isPresent(), "source_format", "is not a known dataset format", "Format");
      checks.require(DatasetFormat.fromValue(p.targetFormat()).isPresent(), "target_format", "is not a known dataset format", "Format");
    }
    checks.throwIfAny();
    return new DatasetContext(runtime, client(), p);
  }

  @Override
  protected DatasetResult result(DatasetContext context) {
    return context.result;
  }

  /** Downloads the dataset version (skipped for a conversion). */
  static final class DownloadStep implements Step<DatasetContext> {
    @Override
    public String name() {
      return "download";
    }

    @Override
    public double progressWeight() {
      return 3;
    }

    @Override
    public boolean canSkip(DatasetContext context) {
      return context.params().operation() != DatasetOperation.DOWNLOAD;
    }

    @Override
    public StepResult execute(DatasetContext context) throws Exception {
      DatasetParams p = context.params();
      DatasetDownloader.Request request = new DatasetDownloader.Request(p.dataset(), p.splits(),
          p.outputDir() == null ? null : Path.of(p.outputDir()), KitPaths.cacheRoot(context.env()));
      context.log("download_start", Map.of("dataset", p.dataset(), "is_categorized", !request.splits().isEmpty()));
      DatasetDownloader.Download download = DatasetDownloader.download(context.client(), request,
          (phase, current, total) -> context.setProgress(current, total, phase.equals("download") ? null : phase));
      context.result = new DatasetResult(download.path().toString(), DatasetFormat.DM_V2.value(), download.categorized(),
          null, download.count(), null);
      context.log("download_complete", Map.of("path", download.path().toString(), "count", download.count(),
          "failed", download.failed(), "from_cache", download.fromCache()));
      return StepResult.ok(Map.of("count", download.count()), Map.of("created", paths(download.created())));
    }

    @Override
    public void rollback(DatasetContext context, StepResult result) throws Exception {
      FileTrees.deleteListed(result.rollbackData().get("created"));
      context.result = null;
    }
  }

  /** Converts the dataset (skipped for a download). */
  static final class ConvertStep implements Step<DatasetContext> {
    @Override
    public String name() {
      return "convert";
    }

    @Override
    public boolean canSkip(DatasetContext context) {
      return context.params().operation() != DatasetOperation.CONVERT;
    }

    @Override
    public StepResult execute(DatasetContext context) throws Exception {
      DatasetParams p = context.params();
      DatasetFormat from = DatasetConversion.format(p.sourceFormat());
      DatasetFormat to = DatasetConversion.format(p.targetFormat());
      context.setProgress(0, 1);
      DatasetConversion.Outcome outcome = DatasetConversion.convert(Path.of(p.path()), from, to, p.isCategorized(),
          p.outputDir() == null ? null : Path.of(p.outputDir()));
      context.setProgress(1, 1);
      context.log("convert_complete", DatasetConversion.reportJson(outcome.report()));
      context.result = new DatasetResult(outcome.path().toString(), to.value(), p.isCategorized(),
          outcome.configPath() == null ? null : outcome.configPath().toString(), null, p.path());
      return StepResult.ok(Map.of("path", outcome.path().toString()), Map.of("created", paths(outcome.created())));
    }

    @Override
    public void rollback(DatasetContext context, StepResult result) throws Exception {
      FileTrees.deleteListed(result.rollbackData().get("created"));
      context.result = null;
    }
  }

  static List<String> paths(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }
}
