package io.synapse.plugins.kits.dataset.convert;

import java.io.IOException;
import java.nio.file.Path;

/** Converts a dataset directory of one format into a new directory of another. */
public interface Converter {

  /** The source format. */
  DatasetFormat source();

  /** The target format. */
  DatasetFormat target();

  /**
   * Reads {@code source} and writes the converted dataset under {@code target} (created; expected
   * empty or absent).
   *
   * @param categorized whether the dataset is split into {@code train}/{@code valid}/{@code test} directories
   * @throws IOException when a file cannot be read or written
   * @throws DatasetFormatError when {@code source} is not a dataset of the source format
   */
  ConversionReport convert(Path source, Path target, boolean categorized) throws IOException;
}
