package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code synapse} in process with captured output. */
final class Cli {
  /** The example plugin's module directory, built before this module in the reactor. */
  static final Path HELLO = Path.of("..", "examples", "hello-plugin");

  private Cli() {}

  /** The outcome of one command line. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SynapseCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  static String hello() {
    assertTrue(Files.isDirectory(HELLO.resolve("target").resolve("classes")),
        "examples/hello-plugin must be built first (it is, in the reactor)");
    return HELLO.toString();
  }
}
