package io.synapse.plugins.spi;

import io.synapse.plugins.errors.ValidationError;
import java.util.List;

/**
 * Binds a record from untyped input, collecting every violation before failing. Generated as
 * {@code <Record>_Binder} for each params record and each record reachable from one.
 *
 * @param <T> the record type
 */
public interface RecordBinder<T extends Record> extends ValueReader<T> {

  /** The wire names of the record's components, in declaration order (binding takes their Java names too). */
  List<String> fieldNames();

  /**
   * Binds {@code input} (a {@code Map} with string keys, or null for an empty input). Inputs beyond the
   * limits documented on {@link Readers} (depth, number of values, string length) are refused before
   * any field is read.
   *
   * @throws ValidationError listing every violated field
   */
  default T bind(Object input) {
    return bind(input, null);
  }

  /**
   * Binds {@code input} like {@link #bind(Object)}, resolving every relative {@code Path} value (at any
   * depth) against {@code pathBase}, the run's working directory; null keeps them as given.
   *
   * @throws ValidationError listing every violated field
   */
  default T bind(Object input, java.nio.file.Path pathBase) {
    Violations violations = new Violations(pathBase);
    Object effective = input == null ? java.util.Map.of() : input;
    T value = InputLimits.withinLimits(effective, violations) ? read(effective, ValuePath.ROOT, violations) : null;
    violations.throwIfAny(subject());
    return value;
  }

  /** What the binder's violations are about, e.g. {@code params of TrainParams}. */
  String subject();
}
