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
   * Reads {@code value} found at {@code path}. The path is spelled out ({@link ValuePath#toString()})
   * only when a violation is reported, so that a nested value costs one small node, not a string.
   *
   * @return the value, or {@code null} when {@code value} is null or a violation was added
   */
  T read(Object value, ValuePath path, Violations violations);

  /**
   * Reads {@code value} found at the path spelled {@code path} ({@code ""} for the top of the input):
   * the same as {@link #read(Object, ValuePath, Violations)} at {@link ValuePath#of(String)}.
   */
  default T read(Object value, String path, Violations violations) {
    return read(value, ValuePath.of(path), violations);
  }

  /**
   * Reads {@code value}, the component {@code name} of the object at {@code parent}. The same as
   * {@link #read} at {@code parent.field(name)}; readers that need the path only to report
   * a violation override it so that a valid value costs no path.
   */
  default T readField(Object value, ValuePath parent, String name, Violations violations) {
    return read(value, parent.field(name), violations);
  }

  /**
   * Reads {@code value}, element {@code index} of the array at {@code parent}. The same as
   * {@link #read} at {@code parent.index(index)}; see {@link #readField}.
   */
  default T readElement(Object value, ValuePath parent, int index, Violations violations) {
    return read(value, parent.index(index), violations);
  }
}
