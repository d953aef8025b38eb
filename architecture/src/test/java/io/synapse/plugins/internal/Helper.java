package io.synapse.plugins.internal;

/** Stands in for a runtime internal. */
public final class Helper {
  private Helper() {}

  public static String help() {
    return "internal";
  }
}
