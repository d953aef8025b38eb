package io.synapse.plugins;

/** The root's vocabulary reaching up to its entry point: refused though it is the same Java package. */
public final class ModeCallingTheRunner {
  public void start() {
    new Runner().run();
  }
}
