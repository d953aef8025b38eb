package io.synapse.plugins.kits.upload;

/**
 * How much of a metadata file the upload kit reads; past a limit the file is refused with a {@link MetadataError}
 * (never read in part). The defaults are the platform's: 10 MiB, 100,000 rows, 300 columns, names up to 100
 * characters, file names up to 255, values up to 1,000 (longer names and values are dropped, as the platform does).
 *
 * @param maxFileBytes the largest file read
 * @param maxRows the most data rows
 * @param maxColumns the most named columns
 * @param maxColumnNameLength the longest column name kept
 * @param maxFilenameLength the longest file name kept
 * @param maxValueLength the longest value kept
 * @param maxUnpackedBytes the most bytes one part of an {@code .xlsx} package may unpack to
 */
public record MetadataLimits(long maxFileBytes, int maxRows, int maxColumns, int maxColumnNameLength, int maxFilenameLength,
    int maxValueLength, long maxUnpackedBytes) {
  /** The platform's limits. */
  public static final MetadataLimits DEFAULTS = new MetadataLimits(10L * 1024 * 1024, 100_000, 300, 100, 255, 1000, 200L * 1024 * 1024);

  /** Checks that every limit is positive. */
  public MetadataLimits {
    if (maxFileBytes <= 0 || maxRows <= 0 || maxColumns <= 0 || maxColumnNameLength <= 0 || maxFilenameLength <= 0
        || maxValueLength <= 0 || maxUnpackedBytes <= 0) {
      throw new IllegalArgumentException("metadata limits must be positive");
    }
  }
}
