package io.synapse.plugins.spi;

/**
 * Writes a typed value as a JSON-like value (map, list, string, number, boolean or null), the
 * inverse of a {@link ValueReader}.
 *
 * @param <T> the type written
 */
@FunctionalInterface
public interface ValueWriter<T> {

  /** The JSON-like form of {@code value}; {@code null} for {@code null}. */
  Object write(T value);
}
