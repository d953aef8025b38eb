package io.synapse.plugins.kits.dataset.convert;

import java.util.Locale;
import java.util.Optional;

/** The dataset formats the kits name. */
public enum DatasetFormat {
  /** Datamaker v1. */
  DM_V1("dm_v1"),
  /** Datamaker v2: {@code json/} and {@code original_files/} (per split when categorized). */
  DM_V2("dm_v2"),
  /** YOLO: {@code images/}, {@code labels/} and {@code dataset.yaml}. */
  YOLO("yolo"),
  /** COCO: {@code annotations.json} with the images. */
  COCO("coco"),
  /** Pascal VOC. */
  PASCAL("pascal");

  private final String value;

  DatasetFormat(String value) {
    this.value = value;
  }

  /** The wire value ({@code dm_v2}, {@code yolo}, ...). */
  public String value() {
    return value;
  }

  /** The format called {@code value} (case-insensitive; {@code dm} means {@code dm_v2}). */
  public static Optional<DatasetFormat> fromValue(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    if (wanted.equals("dm")) {
      return Optional.of(DM_V2);
    }
    for (DatasetFormat format : values()) {
      if (format.value.equals(wanted)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
