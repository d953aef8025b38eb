package io.synapse.plugins.spi;

import java.util.Map;

/**
 * Writes a record as an ordered JSON-like map, leaving out absent values. Generated as
 * {@code <Record>_Binder}, which is also the {@link RecordBinder} that reads the map back into an equal record.
 *
 * @param <T> the record type
 */
public interface RecordWriter<T extends Record> extends ValueWriter<T> {

  @Override
  Map<String, Object> write(T value);
}
