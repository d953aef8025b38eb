package io.synapse.plugins.spi;

import io.synapse.plugins.json.Json;

/** Turns {@code @Default} texts that are JSON (lists, maps, records) into JSON-like values, once per class. */
public final class Defaults {
  private Defaults() {}

  /**
   * Parses a JSON default the processor already checked.
   *
   * @throws IllegalStateException if it does not parse (a processor bug, not a user error)
   */
  public static Object json(String text) {
    try {
      return Json.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalStateException("generated default does not parse as JSON: " + text, e);
    }
  }
}
