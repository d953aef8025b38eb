package io.synapse.plugins.spi;

/**
 * Reads one value of type {@code T} from an untyped JSON-like value (map, list, string, number,
 * boolean or null), adding a {@link Violations} entry instead of throwing when it cannot.
 *
 * @param <T> the type read
 */
@FunctionalInterface
public interface ValueReader<T> {

  /**
   * Reads {@code value} found at {@code path}.
   *
   * @return the value, or {@code null} when {@code value} is null or a violation was added
   */
  T read(Object value, String path, Violations violations);
}
