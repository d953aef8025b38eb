package io.synapse.examples.pipeline;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.types.DataType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Copies the source directory's CSV files into the run's {@code datasets/raw} folder. */
@PluginAction(name = "fetch", title = "Fetch CSV files", method = RunMethod.TASK, outputType = DataType.Names.DATASET)
public final class FetchAction extends BaseAction<FetchParams, Fetched> {
  @Override
  public Fetched execute() throws IOException, InterruptedException {
    DemoSupport.count(ctx(), "fetch");
    DemoSupport.holdIfAsked(ctx(), "fetch");
    Path target = Files.createDirectories(DemoSupport.folder(ctx(), "datasets").resolve("raw"));
    List<Path> sources = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(params().sourceDir(), params().pattern())) {
      files.forEach(sources::add);
    }
    sources.sort(null);
    int rows = 0;
    for (int i = 0; i < sources.size(); i++) {
      Path copy = Files.copy(sources.get(i), target.resolve(sources.get(i).getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      rows += (int) Files.readAllLines(copy).stream().filter(line -> !line.isBlank()).count();
      setProgress(i + 1, sources.size());
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no file matching " + params().pattern() + " in " + params().sourceDir());
    }
    return new Fetched(target.toString(), sources.size(), rows);
  }
}
