package io.synapse.plugins.spi;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Collects the values of {@code @Secret} components, for generated {@code ActionDescriptor.secretValues}. */
public final class Secrets {
  private Secrets() {}

  /**
   * Adds the text of {@code value} to {@code secrets}: nothing for null or an empty optional, each
   * element of a collection and each value of a map, and {@code String.valueOf} of anything else.
   */
  public static void collect(Set<String> secrets, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Optional<?> optional) {
      if (optional.isPresent()) {
        collect(secrets, optional.get());
      }
    } else if (value instanceof Collection<?> collection) {
      for (Object item : collection) {
        collect(secrets, item);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Object item : map.values()) {
        collect(secrets, item);
      }
    } else {
      secrets.add(String.valueOf(value));
    }
  }
}
