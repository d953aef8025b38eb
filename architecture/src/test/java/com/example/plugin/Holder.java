package com.example.plugin;

import io.synapse.plugins.spi.ActionDescriptor;

/** Hand-written code holding a descriptor handle: allowed. */
public final class Holder {
  public String codeOf(ActionDescriptor descriptor) {
    return descriptor.pluginCode();
  }
}
