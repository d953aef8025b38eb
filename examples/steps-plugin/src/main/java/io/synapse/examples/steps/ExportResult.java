package io.synapse.examples.steps;

import java.nio.file.Path;
import java.util.List;

/**
 * What the export action wrote.
 *
 * @param files the exported files' names, in the order they were written
 * @param bytes the exported files' total size
 * @param manifest the manifest listing the files and their SHA-256
 * @param signature the file holding the manifest's HMAC-SHA256, made with the API token
 */
public record ExportResult(List<String> files, long bytes, Path manifest, Path signature) {

  /** Copies the list. */
  public ExportResult {
    files = List.copyOf(files);
  }
}
