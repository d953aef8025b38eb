package io.synapse.plugins.kits.dataset;

import io.synapse.plugins.kits.dataset.convert.ConversionReport;
import io.synapse.plugins.kits.dataset.convert.Converter;
import io.synapse.plugins.kits.dataset.convert.Converters;
import io.synapse.plugins.kits.dataset.convert.DatasetFormat;
import io.synapse.plugins.kits.internal.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Converts a dataset directory with a {@link Converter}, writing a temporary sibling directory and
 * moving it into place in one step, with a {@code .complete} marker naming the config file; a second
 * conversion of the same source to the same place reuses the first.
 */
public final class DatasetConversion {
  private static final String COMPLETE = ".complete";

  private DatasetConversion() {}

  /**
   * What a conversion gave.
   *
   * @param path the converted dataset
   * @param configPath its config file ({@code dataset.yaml}, {@code annotations.json}), or null
   * @param report what the converter wrote (null when the result came from an earlier conversion)
   * @param created what this conversion created, for a rollback (nothing when reused)
   */
  public record Outcome(Path path, Path configPath, ConversionReport report, List<Path> created) {
    /** Copies the list. */
    public Outcome {
      created = List.copyOf(created);
    }
  }

  /**
   * Converts {@code source} from {@code from} to {@code to} into {@code outputDir}, or next to the source
   * ({@code <source>_<format>}) when null.
   */
  public static Outcome convert(Path source, DatasetFormat from, DatasetFormat to, boolean categorized, Path outputDir)
      throws IOException {
    Converter converter = Converters.get(from, to);
    if (!Files.isDirectory(source)) {
      throw new IllegalArgumentException("dataset path " + source + " does not exist");
    }
    Path out = (outputDir != null ? outputDir : source.resolveSibling(source.getFileName() + "_" + to.value())).toAbsolutePath().normalize();
    Path marker = out.resolve(COMPLETE);
    if (Files.isRegularFile(marker)) {
      String config = Files.readString(marker, StandardCharsets.UTF_8).strip();
      return new Outcome(out, config.isEmpty() ? null : out.resolve(config), null, List.of());
    }
    if (Files.exists(out) && (!Files.isDirectory(out) || hasEntries(out))) {
      throw new IllegalArgumentException("output directory " + out + " exists, is not empty and holds no finished conversion");
    }
    Path temp = out.resolveSibling(".tmp_" + out.getFileName() + "_" + java.util.UUID.randomUUID());
    try {
      ConversionReport report = converter.convert(source, temp, categorized);
      String config = report.configPath() == null ? "" : temp.relativize(report.configPath()).toString();
      Files.writeString(temp.resolve(COMPLETE), config, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      try {
        Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, out);
      } catch (java.nio.file.FileSystemException raced) {
        if (!Files.isRegularFile(marker)) {
          throw raced;
        }
        // Another run converted the same source to the same place first: use its output.
        FileTrees.deleteTree(temp);
        String winner = Files.readString(marker, StandardCharsets.UTF_8).strip();
        return new Outcome(out, winner.isEmpty() ? null : out.resolve(winner), null, List.of());
      }
      return new Outcome(out, config.isEmpty() ? null : out.resolve(config), report, List.of(out));
    } catch (IOException | RuntimeException e) {
      FileTrees.deleteTree(temp);
      throw e;
    }
  }

  /** The format called {@code value}, or an {@link IllegalArgumentException} naming the known ones. */
  public static DatasetFormat format(String value) {
    return DatasetFormat.fromValue(value).orElseThrow(() -> new IllegalArgumentException("unknown dataset format '" + value
        + "'; known: " + java.util.Arrays.stream(DatasetFormat.values()).map(DatasetFormat::value).toList()));
  }

  static Map<String, Object> reportJson(ConversionReport report) {
    if (report == null) {
      return Map.of("reused", true);
    }
    return Map.of("items", report.items(), "annotations", report.annotationsWritten(), "skipped", report.skipped(),
        "failures", report.failures().size());
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }
}
