package io.synapse.plugins.action;

/** The params of an action that takes none: it accepts an empty (or absent) input only. */
public record NoParams() {

  /** The one value. */
  public static final NoParams INSTANCE = new NoParams();
}
