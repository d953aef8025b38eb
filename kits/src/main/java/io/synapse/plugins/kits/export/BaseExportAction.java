package io.synapse.plugins.kits.export;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitAction;
import io.synapse.plugins.kits.client.ExportRow;
import io.synapse.plugins.kits.internal.ParamChecks;
import io.synapse.plugins.kits.results.ExportResult;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.Steps;
import java.nio.file.Path;

/**
 * The export kit. Steps: {@code initialize} (the storage's directory, a fresh export directory
 * {@code <path>/<name>} (or {@code <name>(1)}, ...) with {@code labels/} and {@code origin_files/}),
 * {@code fetch_results} (the target's items matching the filter), {@code prepare_export} (the
 * project's configuration), {@code convert_data} (each item through {@link #beforeConvert},
 * {@link #convertData} and {@link #afterConvert}), {@code save_files} (each item's original file and
 * its data file {@code labels/<stem>.json}) and {@code finalize} ({@code error_file_list.json} when
 * some items failed, {@link #additionalFileSaving}). Progress categories: {@code fetch},
 * {@code dataset_conversion}, {@code original_file} and {@code data_file} (with success, failed and
 * stand-by metrics). When a step fails, the export directory and everything in it is removed.
 *
 * @param <P> the params record, implementing {@link ExportRequest}
 */
public abstract class BaseExportAction<P extends Record & ExportRequest> extends KitAction<P, ExportContext, ExportResult> {

  /** For subclasses. */
  protected BaseExportAction() {}

  /** Prepares an item before its conversion; returns it unchanged by default. */
  protected ExportRow beforeConvert(ExportRow item, ExportContext context) throws Exception {
    return item;
  }

  /** Converts an item's data (to your format); returns it unchanged by default. */
  protected ExportRow convertData(ExportRow item, ExportContext context) throws Exception {
    return item;
  }

  /** Post-processes a converted item; returns it unchanged by default. */
  protected ExportRow afterConvert(ExportRow item, ExportContext context) throws Exception {
    return item;
  }

  /** Writes files that span items (an index, a dataset-wide file) into the export directory; nothing by default. */
  protected void additionalFileSaving(Path exportDir, ExportContext context) throws Exception {}

  /** The format the result reports; {@code json} (the item data as is) by default. */
  protected String exportFormat() {
    return "json";
  }

  @Override
  protected void registerSteps(StepRegistry<ExportContext> steps) {
    steps.register(Steps.logged(new ExportSteps.Initialize()))
        .register(Steps.logged(new ExportSteps.FetchResults()))
        .register(Steps.logged(new ExportSteps.PrepareExport()))
        .register(Steps.logged(new ExportSteps.ConvertData(this)))
        .register(Steps.logged(new ExportSteps.SaveFiles()))
        .register(Steps.logged(new ExportSteps.Finalize(this)))
        .register(Steps.logged(new ExportPublish()));
  }

  @Override
  protected ExportContext createContext(RuntimeContext runtime) {
    P p = params();
    ParamChecks checks = ParamChecks.of(runtime.actionName());
    checks.require(p.target() == null || p.filter() == null || p.filter().containsKey(p.target().requiredFilter()),
        "filter." + (p.target() == null ? "" : p.target().requiredFilter()),
        "is required for target " + (p.target() == null ? "" : p.target().value()), "Required");
    checks.require(p.name() == null || !p.name().contains("/") && !p.name().contains("\\") && !p.name().equals("..") && !p.name().equals("."),
        "name", "must be a plain directory name (no separators, not . or ..)", "Name");
    checks.require(p.path() == null || !Path.of(p.path()).normalize().startsWith(".."), "path",
        "must stay inside the storage (no leading ..)", "Path");
    checks.throwIfAny();
    return new ExportContext(runtime, client(), p);
  }

  @Override
  protected ExportResult result(ExportContext context) {
    String output = context.publishedUrl != null ? context.publishedUrl : context.exportDir.toString();
    return new ExportResult(output, context.exported, context.failed, exportFormat(), context.bytesWritten);
  }

  ExportRow convert(ExportRow item, ExportContext context) throws Exception {
    return afterConvert(convertData(beforeConvert(item, context), context), context);
  }

  void saveAdditional(Path dir, ExportContext context) throws Exception {
    additionalFileSaving(dir, context);
  }
}
