package com.example.cycle.a;

import com.example.cycle.b.B;

/** One half of a package cycle. */
public final class A {
  public B partner() {
    return new B();
  }
}
