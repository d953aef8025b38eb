package com.example.cycle.b;

import com.example.cycle.a.A;

/** The other half. */
public final class B {
  public A partner() {
    return null;
  }
}
