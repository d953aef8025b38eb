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

  /**
   * Reads {@code value}, the component {@code name} of the object at {@code parent}. The same as
   * {@link #read} at {@code Violations.field(parent, name)}; readers that need the path only to report
   * a violation override it so that a valid value costs no path.
   */
  default T readField(Object value, String parent, String name, Violations violations) {
    return read(value, Violations.field(parent, name), violations);
  }

  /**
   * Reads {@code value}, element {@code index} of the array at {@code parent}. The same as
   * {@link #read} at {@code Violations.index(parent, index)}; see {@link #readField}.
   */
  default T readElement(Object value, String parent, int index, Violations violations) {
    return read(value, Violations.index(parent, index), violations);
  }
}
