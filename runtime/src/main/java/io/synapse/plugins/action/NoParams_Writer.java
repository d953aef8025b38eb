package io.synapse.plugins.action;

import io.synapse.plugins.spi.RecordWriter;
import java.util.Map;

/** Writes {@link NoParams} as an empty map. */
public final class NoParams_Writer implements RecordWriter<NoParams> {

  /** The one instance. */
  public static final NoParams_Writer INSTANCE = new NoParams_Writer();

  private NoParams_Writer() {}

  @Override
  public Map<String, Object> write(NoParams value) {
    return Map.of();
  }
}
