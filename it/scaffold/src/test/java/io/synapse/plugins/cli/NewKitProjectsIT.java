package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synapse new --category neural_net|export|upload|pre_annotation}, and {@code neural_net} with
 * {@code --kit dataset} and {@code --kit inference}, write projects on the matching kit that build and pass
 * their own tests offline against the installed artifacts (one Maven run over an aggregator of the six).
 */
class NewKitProjectsIT {
  @TempDir Path temp;

  @Test
  void everyKitCategoryScaffoldsAProjectWhoseTestsPass() throws Exception {
    // code suffix -> category and kit (null: the category's default kit)
    Map<String, List<String>> projects = new LinkedHashMap<>();
    for (String category : List.of("neural_net", "export", "upload", "pre_annotation")) {
      projects.put(category, java.util.Arrays.asList(category, null));
    }
    projects.put("dataset", List.of("neural_net", "dataset"));
    projects.put("inference", List.of("neural_net", "inference"));
    List<String> categories = List.copyOf(projects.keySet());
    StringBuilder modules = new StringBuilder();
    for (String suffix : categories) {
      String code = "kit_" + suffix;
      String category = projects.get(suffix).get(0);
      String kit = projects.get(suffix).get(1);
      Path project = temp.resolve(code);
      Cli.Result created = kit == null ? Cli.run("new", code, "--category", category, "--dir", project.toString())
          : Cli.run("new", code, "--category", category, "--kit", kit, "--dir", project.toString());
      assertEquals(0, created.exitCode(), created::toString);
      assertTrue(created.out().contains((kit == null ? category : kit) + " kit"), created.out());
      assertTrue(Files.readString(project.resolve("pom.xml")).contains("<artifactId>synapse-plugins-kits</artifactId>"));
      modules.append("    <module>").append(code).append("</module>\n");
    }
    Files.writeString(temp.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>kits-aggregator</artifactId>
          <version>0.1.0</version>
          <packaging>pom</packaging>
          <modules>
        %s  </modules>
        </project>
        """.formatted(modules), StandardCharsets.UTF_8);
    List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-q", "-o"));
    String localRepository = System.getProperty("maven.repo.local");
    if (localRepository != null && !localRepository.isBlank()) {
      mvn.add("-Dmaven.repo.local=" + localRepository);
    }
    mvn.add("verify");
    Processes.Outcome build = Processes.run(temp, mvn, 900);
    assertEquals(0, build.exitCode(), build::toString);
    for (String category : categories) {
      Path reports = temp.resolve("kit_" + category).resolve("target/surefire-reports");
      try (var files = Files.list(reports)) {
        String report = files.filter(f -> f.toString().endsWith(".txt")).map(f -> {
          try {
            return Files.readString(f);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).reduce("", String::concat);
        assertTrue(report.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), category + ": " + report);
      }
    }
  }
}
