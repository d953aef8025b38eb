package io.synapse.plugins.spi;

/** Stands in for the spi's readers: something only generated code may call. */
public final class Readers {
  private Readers() {}

  public static Object read(Object value) {
    return value;
  }
}
