package io.synapse.plugins.spi;

/** Stands in for the handle the public API gives out. */
public interface ActionDescriptor {
  String pluginCode();
}
