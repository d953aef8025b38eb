package io.synapse.plugins.kits.dataset.convert;

import io.synapse.plugins.errors.PluginError;
import java.util.Map;

/** A dataset directory that is not what its format requires (a missing directory, an unreadable file). */
public final class DatasetFormatError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** An error about {@code path}. */
  public DatasetFormatError(String message, java.nio.file.Path path) {
    super("dataset_format_error", message, Map.of("path", String.valueOf(path)));
  }
}
