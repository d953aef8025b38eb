package io.synapse.examples.hello;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Counts the lines of a real text file, skipping comment lines. */
@PluginAction(name = "count-lines", title = "Count Lines")
public final class CountLinesAction extends BaseAction<LineCountParams, LineCount> {

  @Override
  public LineCount execute() throws Exception {
    long lines = 0;
    long skipped = 0;
    try (BufferedReader reader = Files.newBufferedReader(params().file(), StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (params().skipPrefixes().stream().anyMatch(line::startsWith)) {
          skipped++;
        } else {
          lines++;
        }
      }
    }
    setProgress(1, 1);
    return new LineCount(params().file().toString(), lines, skipped);
  }
}
