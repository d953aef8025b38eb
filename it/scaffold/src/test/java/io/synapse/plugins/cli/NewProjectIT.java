package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.testing.ray.LocalRayHead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synapse new} writes a project that a user builds with plain Maven: {@code mvn verify} compiles it,
 * checks its params files, runs its test-kit tests LOCAL and TASK (on the local Ray head the extension starts)
 * and packages it, with no flag or path in the pom; {@code mvn synapse:run} runs its action LOCAL and on a
 * TASK pool; the command line runs, validates and packages it too.
 */
class NewProjectIT {
  @TempDir Path temp;

  @Test
  void aNewProjectBuildsTestsLocallyAndOnRayPackagesAndRuns() throws Exception {
    Path project = temp.resolve("demo");
    // A category without a kit: the plain template (kit categories are built by NewKitProjectsIT).
    Cli.Result created = Cli.run("new", "demo_checker", "--category", "data_validation", "--dir", project.toString());
    assertEquals(0, created.exitCode(), created::toString);
    String pom = Files.readString(project.resolve("pom.xml"));
    assertTrue(pom.contains("<artifactId>synapse-plugins-bom</artifactId>") && pom.contains("<artifactId>synapse-maven-plugin</artifactId>"), pom);
    assertFalse(pom.contains("add-opens") || pom.contains("ray_dist") || pom.contains("argLine"), "the pom names no flag or path: " + pom);
    Files.createDirectories(project.resolve("src/main/synapse/params"));
    Files.writeString(project.resolve("src/main/synapse/params/check.json"), "{\"input\": \"nightly\", \"repeat\": 4}");

    Processes.Outcome build = Processes.run(project, maven("verify"), userShell(), 900);
    assertEquals(0, build.exitCode(), build::toString);
    assertTrue(build.out().contains("Params file src/main/synapse/params/check.json is valid for action check"), build.out());
    assertEquals("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0", summary(project, "CheckActionTest"));
    assertEquals("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0", summary(project, "CheckActionTaskTest"),
        "the TASK test ran on the extension's Ray head");
    Path zip = project.resolve("target/demo-checker-0.1.0-synapse.zip");
    try (ZipFile file = new ZipFile(zip.toFile())) {
      assertTrue(file.getEntry("config.yaml") != null && file.getEntry("lib/demo_checker-0.1.0.jar") != null, zip.toString());
    }

    Processes.Outcome local = Processes.run(project, maven("-q", "synapse:run", "-Dsynapse.action=check",
        "-Dsynapse.params={\"input\":\"hi\",\"repeat\":2}", "-Dsynapse.json=true"), userShell(), 600);
    assertEquals(0, local.exitCode(), local::toString);
    assertTrue(local.out().replaceAll("\\s", "").contains("{\"input\":\"hi\",\"processed\":2}"), local.out());

    try (LocalRayHead head = LocalRayHead.start(LocalRayHead.Settings.defaults().withNumCpus(2)
        .withStateDirectory(temp.resolve("ray")))) {
      Processes.Outcome task = Processes.run(project, maven("-q", "synapse:run", "-Dsynapse.action=check", "-Dsynapse.mode=task",
          "-Dsynapse.rayAddress=" + head.info().address(), "-Dsynapse.dashboard=" + head.info().dashboardUrl(),
          "-Dsynapse.params={\"input\":\"far\"}", "-Dsynapse.json=true"),
          userShell(), 600);
      assertEquals(0, task.exitCode(), task::toString);
      assertTrue(task.out().replaceAll("\\s", "").contains("{\"input\":\"far\",\"processed\":1}"), task.out());
    }

    Cli.Result run = Cli.run("run", project.toString(), "check", "-p", "input=hello", "-p", "repeat=2", "--json");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(Map.of("input", "hello", "processed", 2), Json.parseJson(run.out(), "out"));

    Cli.Result invalid = Cli.run("validate", project.toString(), "check", "-p", "repeat=0");
    assertEquals(ExitCodes.VALIDATION, invalid.exitCode(), invalid::toString);

    Path cliZip = temp.resolve("dist/demo.zip");
    Cli.Result packaged = Cli.run("package", project.toString(), "-o", cliZip.toString());
    assertEquals(0, packaged.exitCode(), packaged::toString);
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(zip), Files.readAllBytes(cliZip)),
        "mvn package (synapse:package) and synapse package write the same bytes");
  }

  /** {@code mvn -B -o ARGS} with this build's local repository. */
  static List<String> maven(String... args) {
    List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-o"));
    String localRepository = System.getProperty("maven.repo.local");
    if (localRepository != null && !localRepository.isBlank()) {
      mvn.add("-Dmaven.repo.local=" + localRepository);
    }
    mvn.addAll(List.of(args));
    return mvn;
  }

  /** The environment of a user who installed Ray in a virtualenv and activated it: no Synapse variable at all. */
  static Map<String, String> userShell() {
    Path venv = Path.of(Processes.required("synapse.ray.venv").toString());
    Map<String, String> env = new HashMap<>();
    env.put("VIRTUAL_ENV", venv.toString());
    env.put("PATH", venv.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
    env.put("SYNAPSE_RAY_VENV", "");
    env.put("SYNAPSE_RAY_JARS", "");
    return env;
  }

  /** The summary line of one test class's Surefire report. */
  static String summary(Path project, String testClass) throws Exception {
    Path reports = project.resolve("target/surefire-reports");
    try (var files = Files.list(reports)) {
      Path report = files.filter(f -> f.getFileName().toString().endsWith(testClass + ".txt")).findFirst()
          .orElseThrow(() -> new AssertionError("no report of " + testClass + " in " + reports));
      return Files.readAllLines(report, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("Tests run:"))
          .findFirst().orElseThrow().replaceAll(", Time elapsed.*", "");
    }
  }
}
