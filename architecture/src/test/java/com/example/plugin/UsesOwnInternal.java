package com.example.plugin;

import com.example.ownmodule.internal.Own;

/** Uses only its own module's internal class. */
public final class UsesOwnInternal {
  public String own() {
    return Own.own();
  }
}
