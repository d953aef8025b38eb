package io.synapse.plugins.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a subprocess to completion with its output captured. */
final class Processes {
  private Processes() {}

  /** Exit code and output of a finished process. */
  record Outcome(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  static Outcome run(Path directory, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    return run(directory, command, java.util.Map.of(), timeoutSeconds);
  }

  static Outcome run(Path directory, List<String> command, java.util.Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("synapse-it-", ".out");
    Path err = Files.createTempFile("synapse-it-", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out after " + timeoutSeconds + "s: " + command);
      }
      return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Path required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new AssertionError("system property " + property + " is not set (run through maven-failsafe)");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }
}
