package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synapse new} writes a project that builds and passes its own tests offline with the
 * installed artifacts, and whose action the command line then runs and packages.
 */
class NewProjectIT {
  @TempDir Path temp;

  @Test
  void aNewProjectBuildsPassesItsTestsAndRuns() throws Exception {
    Path project = temp.resolve("demo");
    // A category without a kit: the plain template (kit categories are built by NewKitProjectsIT).
    Cli.Result created = Cli.run("new", "demo_checker", "--category", "data_validation", "--dir", project.toString());
    assertEquals(0, created.exitCode(), created::toString);

    List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-q", "-o"));
    String localRepository = System.getProperty("maven.repo.local");
    if (localRepository != null && !localRepository.isBlank()) {
      mvn.add("-Dmaven.repo.local=" + localRepository);
    }
    mvn.add("verify");
    Processes.Outcome build = Processes.run(project, mvn, 600);
    assertEquals(0, build.exitCode(), build::toString);

    Cli.Result run = Cli.run("run", project.toString(), "check", "-p", "input=hello", "-p", "repeat=2", "--json");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(Map.of("input", "hello", "processed", 2), Json.parseJson(run.out(), "out"));

    Cli.Result invalid = Cli.run("validate", project.toString(), "check", "-p", "repeat=0");
    assertEquals(ExitCodes.VALIDATION, invalid.exitCode(), invalid::toString);

    Cli.Result packaged = Cli.run("package", project.toString(), "-o", temp.resolve("dist/demo.zip").toString());
    assertEquals(0, packaged.exitCode(), packaged::toString);
  }
}
