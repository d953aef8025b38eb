package io.synapse.benchmarks;

/** The cold-start floor: a JVM that prints hello world and exits. */
public final class HelloWorld {
  private HelloWorld() {}

  /** Prints hello world. */
  public static void main(String[] args) {
    System.out.println("hello world");
  }
}
