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

  /**
   * Runs {@code synapse} in process as {@code main} does (without exiting): {@code System.out} and
   * {@code System.err} are pointed at the masked standard error while it runs, as an action sees them.
   */
  static Result runMain(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    Secrets secrets = new Secrets();
    secrets.addFromRawArguments(args);
    java.nio.charset.Charset charset = java.nio.charset.Charset.defaultCharset();
    int code = SynapseCli.runMain(args, new java.io.PrintStream(out, true, charset), new java.io.PrintStream(err, true, charset), secrets);
    return new Result(code, out.toString(charset), err.toString(charset));
  }

  static String hello() {
    assertTrue(Files.isDirectory(HELLO.resolve("target").resolve("classes")),
        "examples/hello-plugin must be built first (it is, in the reactor)");
    return HELLO.toString();
  }
}
