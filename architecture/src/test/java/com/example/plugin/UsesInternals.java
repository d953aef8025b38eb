package com.example.plugin;

import com.example.ownmodule.internal.Own;
import io.synapse.plugins.internal.Helper;

/** Uses its own module's internal class (allowed) and the runtime's (refused). */
public final class UsesInternals {
  public String both() {
    return Own.own() + Helper.help();
  }
}
