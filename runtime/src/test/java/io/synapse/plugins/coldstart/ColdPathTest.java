package io.synapse.plugins.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the first LOCAL run of a fresh JVM loads (from {@code -Xlog:class+load}, not from timings): it does not
 * initialise the JDK's logging, spins no lambda of the runtime's discovery, execution, events or results code, and
 * compiles none of the runtime's regular expressions nor starts {@code LocalExecutor}'s submit pool. That
 * includes the binder SPI ({@code io.synapse.plugins.spi}): its readers and writers are classes, not lambdas.
 */
class ColdPathTest {
  @TempDir
  Path dir;

  @Test
  void aFirstRunLoadsNoLoggingAndNoRuntimeLambda() throws IOException, InterruptedException {
    List<String> loaded = coldRunClasses();
    assertTrue(loaded.contains("io.synapse.plugins.executors.LocalExecutor"), "the run went through LocalExecutor: " + loaded.size());
    List<String> logging = new ArrayList<>();
    List<String> lambdas = new ArrayList<>();
    List<String> eager = new ArrayList<>();
    for (String name : loaded) {
      if (name.startsWith("io.synapse.plugins.") && (name.endsWith("$Patterns") || name.endsWith("LocalExecutor$Runs"))) {
        eager.add(name);
      }
      if (name.startsWith("java.util.logging.") || name.startsWith("jdk.internal.logger.")) {
        logging.add(name);
      }
      if (name.startsWith("io.synapse.plugins.") && name.contains("$$Lambda")) {
        lambdas.add(name);
      }
    }
    assertEquals(List.of(), logging, "a run that logs nothing must not initialise the JDK's logging");
    assertEquals(List.of(), lambdas, "lambdas of the runtime on the cold-start path");
    assertEquals(List.of(), eager, "regexes and the submit pool are created on first use, which a plain run never makes");
  }

  // The classes a fresh JVM running ColdRun loads, in order.
  private List<String> coldRunClasses() throws IOException, InterruptedException {
    Path log = dir.resolve("classes.txt");
    Path out = dir.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
        ColdRun.class.getName()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the cold run did not end within 120 s");
    String output = Files.readString(out);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("result: hello ada"), output);
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      int end = line.indexOf(" source: ");
      int start = line.indexOf("] ", line.indexOf("[class,load]")) + 2;
      if (end > start) {
        names.add(line.substring(start, end));
      }
    }
    return names;
  }
}
