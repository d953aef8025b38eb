package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar and the repository's launcher script, run as separate processes. */
class PackagedJarIT {
  private final Path jar = Processes.required("synapse.cli.jar");
  private final Path root = Processes.required("synapse.repo.root");
  @TempDir Path temp;

  @Test
  void theJarRunsAnActionFromAModuleDirectory() throws Exception {
    String hello = root.resolve("examples/hello-plugin").toString();
    Processes.Outcome ok = Processes.run(temp, List.of(Processes.java(), "-jar", jar.toString(), "run", hello, "process",
        "-p", "inputPath=/in", "-p", "outputPath=/out", "--json"), 60);
    assertEquals(0, ok.exitCode(), ok::toString);
    assertEquals(Map.of("status", "completed", "output_path", "/out", "items_processed", 100), Json.parseJson(ok.out(), "out"));
    assertTrue(ok.err().contains("[process] process 100/100 (100%)"), ok::toString);

    Processes.Outcome invalid = Processes.run(temp, List.of(Processes.java(), "-jar", jar.toString(), "run", hello, "process"), 60);
    assertEquals(ExitCodes.VALIDATION, invalid.exitCode(), invalid::toString);
    assertEquals("error: Invalid params of action 'process' (1 violation):\n  - input_path: is required [Required]\n", invalid.err());
  }

  @Test
  void theLauncherScriptRunsTheJar() throws Exception {
    Processes.Outcome version = Processes.run(temp, List.of("sh", root.resolve("synapse").toString(), "--version"), 60);
    assertEquals(0, version.exitCode(), version::toString);
    assertTrue(version.out().startsWith("synapse " + CliVersion.version()), version::toString);
    Processes.Outcome actions = Processes.run(root, List.of("sh", "./synapse", "actions", "examples/hello-plugin"), 60);
    assertEquals(0, actions.exitCode(), actions::toString);
    assertTrue(actions.out().contains("count-lines"), actions::toString);
  }

  @Test
  void theLauncherPutsSynapseClasspathOnTheClassPathSoPluginsCanBeNamedByCode() throws Exception {
    Map<String, String> env = Map.of("SYNAPSE_CLASSPATH", root.resolve("examples/hello-plugin/target/classes").toString());
    Processes.Outcome run = Processes.run(temp, List.of("sh", root.resolve("synapse").toString(), "run", "hello_plugin", "process",
        "-p", "inputPath=/in", "--json"), env, 60);
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("completed", ((Map<?, ?>) Json.parseJson(run.out(), "out")).get("status"));
    Processes.Outcome without = Processes.run(temp, List.of("sh", root.resolve("synapse").toString(), "actions", "hello_plugin"),
        Map.of("SYNAPSE_CLASSPATH", ""), 60);
    assertEquals(ExitCodes.NOT_FOUND, without.exitCode(), without::toString);
  }

  @Test
  void theLauncherSaysWhenTheJarIsNotBuilt() throws Exception {
    Path copy = Files.copy(root.resolve("synapse"), temp.resolve("synapse"), StandardCopyOption.COPY_ATTRIBUTES);
    Processes.Outcome missing = Processes.run(temp, List.of("sh", copy.toString(), "--version"), 30);
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("is not built; run:"), missing::toString);
  }
}
