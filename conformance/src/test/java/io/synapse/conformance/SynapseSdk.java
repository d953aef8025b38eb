package io.synapse.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform's own Python synapse-sdk, as {@code scripts/sdk.sh install} puts it in {@code .sdk-venv}
 * (or {@code -Dsynapse.sdk.python=...}). A test that needs it fails, saying how to install it, when it
 * is missing or another version: never skipped.
 */
final class SynapseSdk {
  static final String VERSION = "2026.2.17";
  private static final long TIMEOUT_SECONDS = 300;

  private SynapseSdk() {}

  /** The repository root: this module's parent directory. */
  static Path repositoryRoot() {
    return Path.of("").toAbsolutePath().getParent();
  }

  /** The venv's python, checked to run synapse-sdk {@value #VERSION} on Python 3.12 or later. */
  static Path python() {
    String given = System.getProperty("synapse.sdk.python");
    String venv = System.getenv("SYNAPSE_SDK_VENV");
    Path python = given != null ? Path.of(given)
        : (venv != null ? Path.of(venv) : repositoryRoot().resolve(".sdk-venv")).resolve("bin/python");
    if (!Files.isExecutable(python)) {
      fail("The synapse-sdk conformance test needs Python 3.12+ with synapse-sdk==" + VERSION + " at " + python
          + ": run scripts/sdk.sh install (scripts/test.sh does), or give -Dsynapse.sdk.python=<python>");
    }
    String found = run(python, List.of("-c",
        "import sys; from importlib.metadata import version; print('%d.%d' % sys.version_info[:2], version('synapse-sdk'))"))
        .trim();
    String[] parts = found.split(" ");
    String[] pythonVersion = parts[0].split("\\.");
    if (parts.length != 2 || Integer.parseInt(pythonVersion[0]) < 3
        || (Integer.parseInt(pythonVersion[0]) == 3 && Integer.parseInt(pythonVersion[1]) < 12) || !parts[1].equals(VERSION)) {
      fail("The conformance test needs synapse-sdk " + VERSION + " on Python 3.12+, but " + python + " has Python and synapse-sdk "
          + found + ": run scripts/sdk.sh install");
    }
    return python;
  }

  /** What {@code load_configs.py} read from each of {@code configs}, in order. */
  static List<JsonNode> load(List<Path> configs) {
    List<String> args = new ArrayList<>();
    args.add(repositoryRoot().resolve("conformance/src/test/python/load_configs.py").toString());
    configs.forEach(config -> args.add(config.toString()));
    String out = run(python(), args);
    try {
      List<JsonNode> loaded = new ArrayList<>();
      JsonMapper.builder().build().readTree(out).forEach(loaded::add);
      return loaded;
    } catch (IOException e) {
      throw new AssertionError("load_configs.py printed no JSON: " + out, e);
    }
  }

  private static String run(Path python, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(python.toString());
    command.addAll(args);
    try {
      Path err = Files.createTempFile("synapse-sdk", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
          fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + Files.readString(err));
        }
        return new String(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }
}
