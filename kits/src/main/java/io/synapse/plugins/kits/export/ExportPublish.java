package io.synapse.plugins.kits.export;

import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The export's last step for an {@code http} storage: each file the export wrote is published under
 * {@code <path>/<name>/} of the storage's base URL, then the local copy is removed. Skipped for file_system
 * storages. An http storage cannot delete, so a rollback after files were published cannot take them back: it
 * logs {@code storage_files_kept} with how many there are.
 */
final class ExportPublish implements Step<ExportContext> {
  @Override
  public String name() {
    return "publish";
  }

  @Override
  public boolean canSkip(ExportContext context) {
    return context.publishTo == null;
  }

  @Override
  public StepResult execute(ExportContext context) throws Exception {
    List<Path> files = FileTrees.files(context.exportDir);
    int done = 0;
    for (Path file : files) {
      String relative = context.exportDir.relativize(file).toString().replace('\\', '/');
      context.publishTo.publish(file, context.publishPath + "/" + relative);
      context.setProgress(++done, files.size());
    }
    context.publishedUrl = context.publishTo.urlOf(context.publishPath + "/");
    FileTrees.deleteTree(context.stagingDir);
    return StepResult.ok(Map.of("published", files.size(), "url", context.publishedUrl), Map.of("published", files.size()));
  }

  @Override
  public void rollback(ExportContext context, StepResult result) {
    Object published = result.rollbackData().get("published");
    if (published instanceof Number count && count.intValue() > 0) {
      context.log("storage_files_kept", Map.of("count", count, "reason", "an http storage cannot delete published files"));
    }
  }
}
