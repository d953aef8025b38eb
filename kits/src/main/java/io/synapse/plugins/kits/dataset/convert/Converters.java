package io.synapse.plugins.kits.dataset.convert;

import io.synapse.plugins.errors.ConfigError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The converters there are: DM v2 to and from YOLO, COCO and Pascal VOC. */
public final class Converters {
  private static final List<Converter> ALL = List.of(new DmToYolo(), new YoloToDm(), new DmToCoco(), new CocoToDm(),
      new DmToPascal(), new PascalToDm());

  private Converters() {}

  /**
   * The converter from {@code source} to {@code target}.
   *
   * @throws ConfigError naming the pairs there are when there is none
   */
  public static Converter get(DatasetFormat source, DatasetFormat target) {
    for (Converter converter : ALL) {
      if (converter.source() == source && converter.target() == target) {
        return converter;
      }
    }
    throw new ConfigError("No converter from " + source.value() + " to " + target.value() + "; available: "
        + String.join(", ", pairs()), Map.of("source", source.value(), "target", target.value(), "available", pairs()));
  }

  /** The available pairs, as {@code source -> target}. */
  public static List<String> pairs() {
    List<String> pairs = new ArrayList<>();
    for (Converter converter : ALL) {
      pairs.add(converter.source().value() + " -> " + converter.target().value());
    }
    return pairs;
  }
}
