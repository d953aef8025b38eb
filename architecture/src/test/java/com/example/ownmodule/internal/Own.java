package com.example.ownmodule.internal;

/** A module's own internal class. */
public final class Own {
  private Own() {}

  public static String own() {
    return "own";
  }
}
