package io.synapse.examples.steps;

/** The format of the exported files. */
public enum ExportFormat {
  /** One JSON object per row, keyed by the header ({@code .jsonl}). */
  JSONL("jsonl"),
  /** Comma-separated values with a header line, quoted where needed ({@code .csv}). */
  CSV("csv");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension of this format, without the dot. */
  public String extension() {
    return extension;
  }
}
