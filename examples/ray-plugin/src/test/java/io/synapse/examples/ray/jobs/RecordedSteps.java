package io.synapse.examples.ray.jobs;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.steps.StepContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The context of {@link RecordedStepsAction}: where each step and rollback writes a line. */
public final class RecordedSteps extends StepContext {
  final RecordedStepsParams params;

  RecordedSteps(RuntimeContext runtime, RecordedStepsParams params) {
    super(runtime);
    this.params = params;
  }

  /** Appends {@code line} to the record file, at once (another process reads it while this one runs). */
  void record(String line) {
    try {
      Files.writeString(Path.of(params.record()), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
