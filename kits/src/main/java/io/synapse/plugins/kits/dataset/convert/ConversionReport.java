package io.synapse.plugins.kits.dataset.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a conversion wrote.
 *
 * @param items how many items (images) were converted
 * @param annotationsWritten how many annotations were written
 * @param skipped annotations left out on purpose, by reason code ({@code UNSUPPORTED_ANNOTATION_TYPE}, ...)
 * @param failures annotations that could not be converted (invalid geometry), one line each
 * @param configPath the output's main config file ({@code detect/dataset.yaml}, {@code annotations.json}), or null
 */
public record ConversionReport(int items, int annotationsWritten, Map<String, Integer> skipped, List<String> failures, Path configPath) {
  /** Copies the parts. */
  public ConversionReport {
    skipped = Map.copyOf(skipped);
    failures = List.copyOf(failures);
  }
}
