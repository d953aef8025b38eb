package com.example.plugin;

import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.SynapseGenerated;

/** Generated code calling the readers, from a nested class too: allowed. */
@SynapseGenerated(from = "com.example.plugin.Thing")
public final class Thing_Binder {
  public Object read(Object value) {
    return new Nested().read(value);
  }

  static final class Nested {
    Object read(Object value) {
      return Readers.read(value);
    }
  }
}
