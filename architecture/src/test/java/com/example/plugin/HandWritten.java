package com.example.plugin;

import io.synapse.plugins.spi.Readers;

/** Hand-written code calling the spi's readers: what the spi rule refuses. */
public final class HandWritten {
  public Object read(Object value) {
    return Readers.read(value);
  }
}
