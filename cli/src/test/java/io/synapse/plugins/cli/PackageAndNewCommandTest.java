package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.discovery.PluginDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageAndNewCommandTest {
  @TempDir Path temp;

  @Test
  void packagesAModuleIntoADirectoryThatDiscoveryAcceptsAndRuns() throws Exception {
    Path out = temp.resolve("dist/hello");
    Cli.Result r = Cli.run("package", Cli.hello(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("Packaged plugin hello_plugin 0.1.0 into " + out), r::toString);
    assertTrue(Files.isRegularFile(out.resolve("config.yaml")));
    assertTrue(Files.isRegularFile(out.resolve("lib/hello_plugin-0.1.0.jar")));
    assertTrue(Files.isRegularFile(out.resolve("lib/synapse-plugins-runtime-0.1.0-SNAPSHOT.jar")), "dependencies from target/lib");
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(out)) {
      assertEquals(List.of("count-lines", "process", "sign"), plugin.listActions());
    }
    Cli.Result run = Cli.run("run", out.toString(), "process", "-p", "inputPath=/in", "--json");
    assertEquals(0, run.exitCode(), run::toString);
  }

  @Test
  void packagesIntoAZipWithSafeEntriesAndSameBytesTwice() throws Exception {
    Path zip = temp.resolve("hello.zip");
    assertEquals(0, Cli.run("package", Cli.hello(), "-o", zip.toString()).exitCode());
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      file.stream().map(ZipEntry::getName).forEach(names::add);
    }
    assertEquals("config.yaml", names.get(0));
    assertTrue(names.contains("lib/hello_plugin-0.1.0.jar"), names::toString);
    names.forEach(PluginPackager::safeEntryName);
    byte[] first = Files.readAllBytes(zip);
    assertEquals(0, Cli.run("package", Cli.hello(), "-o", zip.toString(), "--force").exitCode());
    assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(zip)), "packaging is byte-stable");
  }

  @Test
  void packagesAPluginJar() throws Exception {
    Path jar = Cli.HELLO.resolve("target/hello-plugin.jar");
    assertTrue(Files.isRegularFile(jar));
    Path out = temp.resolve("from-jar");
    Cli.Result r = Cli.run("package", jar.toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(out)) {
      assertEquals("hello_plugin", plugin.config().code());
    }
  }

  @Test
  void packageErrors() throws Exception {
    Path existing = Files.createDirectories(temp.resolve("busy"));
    Files.writeString(existing.resolve("keep.txt"), "x");
    assertEquals(ExitCodes.USAGE, Cli.run("package", Cli.hello(), "-o", existing.toString()).exitCode());
    assertEquals("x", Files.readString(existing.resolve("keep.txt")));
    assertEquals(ExitCodes.NOT_FOUND, Cli.run("package", temp.resolve("nothing").toString(), "-o", temp.resolve("o").toString()).exitCode());
    assertEquals(ExitCodes.NOT_FOUND, Cli.run("package", Files.createDirectories(temp.resolve("empty-module")).toString(),
        "-o", temp.resolve("o2").toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("package", Cli.hello()).exitCode(), "-o is required");
  }

  @Test
  void aStaleOrMalformedConfigYamlIsAConfigError() throws Exception {
    Path out = temp.resolve("stale");
    assertEquals(0, Cli.run("package", Cli.hello(), "-o", out.toString()).exitCode());
    String config = Files.readString(out.resolve("config.yaml"));
    Files.writeString(out.resolve("config.yaml"), config.replace("  count-lines:", "  count-words:"));
    Cli.Result stale = Cli.run("actions", out.toString());
    assertEquals(ExitCodes.CONFIG, stale.exitCode(), stale::toString);
    assertTrue(stale.err().startsWith("error: config.yaml at "), stale::toString);
    assertEquals(1, stale.err().lines().count(), stale::toString);
    Files.writeString(out.resolve("config.yaml"), "code: [unclosed\n");
    assertEquals(ExitCodes.CONFIG, Cli.run("describe", out.resolve("config.yaml").toString()).exitCode());
    assertEquals(ExitCodes.NOT_FOUND, Cli.run("actions", temp.resolve("absent").toString()).exitCode());
  }

  @Test
  void zipSlipNamesAreRefused() {
    for (String bad : List.of("../evil.jar", "lib/../../evil", "/etc/passwd", "lib\\..\\x", "C:evil", "", "./x")) {
      CliException e = assertThrows(CliException.class, () -> PluginPackager.safeEntryName(bad), bad);
      assertEquals(ExitCodes.EXECUTION, e.exitCode());
    }
    assertEquals("lib/a.jar", PluginPackager.safeEntryName("lib/a.jar"));
    assertThrows(CliException.class, () -> PluginPackager.resolveInside(temp, "../x"));
  }

  @Test
  void newWritesAProject() throws Exception {
    Path dir = temp.resolve("proj");
    Cli.Result r = Cli.run("new", "image_tools", "--category", "smart_tool", "--dir", dir.toString());
    assertEquals(0, r.exitCode(), r::toString);
    String pom = Files.readString(dir.resolve("pom.xml"));
    assertTrue(pom.contains("<synapse.version>" + CliVersion.version() + "</synapse.version>"), pom);
    assertTrue(pom.contains("<artifactId>synapse-plugins-processor</artifactId>"), pom);
    assertTrue(pom.contains("<scope>provided</scope>"), pom);
    Path pkg = dir.resolve("src/main/java/com/example/imagetools");
    assertTrue(Files.readString(pkg.resolve("package-info.java")).contains("category = PluginCategory.SMART_TOOL"));
    assertTrue(Files.readString(pkg.resolve("AnnotateAction.java")).contains("@PluginAction(name = \"annotate\""));
    assertTrue(Files.isRegularFile(pkg.resolve("AnnotateParams.java")));
    assertTrue(Files.isRegularFile(dir.resolve("src/test/java/com/example/imagetools/AnnotateActionTest.java")));
  }

  @Test
  void newDerivesTheGroupIdFromThePackage() throws Exception {
    Path dir = temp.resolve("trainer");
    Cli.Result r = Cli.run("new", "trainer", "--package", "org.acme.trainer", "--dir", dir.toString());
    assertEquals(0, r.exitCode(), r::toString);
    String pom = Files.readString(dir.resolve("pom.xml"));
    assertTrue(pom.contains("<groupId>org.acme</groupId>\n  <artifactId>trainer</artifactId>"), pom);
    assertFalse(pom.contains("com.example"), pom);

    Path given = temp.resolve("given");
    assertEquals(0, Cli.run("new", "trainer", "--package", "org.acme.trainer", "--group-id", "com.acme-corp.ml",
        "--dir", given.toString()).exitCode());
    assertTrue(Files.readString(given.resolve("pom.xml")).contains("<groupId>com.acme-corp.ml</groupId>"));
    Cli.Result bad = Cli.run("new", "trainer", "--group-id", "org..acme", "--dir", temp.resolve("bad").toString());
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("groupId 'org..acme'"), bad::toString);
    assertFalse(Files.exists(temp.resolve("bad")));

    assertEquals("com.example", ProjectScaffold.defaultGroupId(ProjectScaffold.defaultPackage("image_tools")));
    assertEquals("org.acme", ProjectScaffold.defaultGroupId("org.acme"));
    assertEquals("acme", ProjectScaffold.defaultGroupId("acme"));
    assertEquals("org.acme.ml", ProjectScaffold.defaultGroupId("org.acme.ml.trainer"));
  }

  @Test
  void newRefusesBadInput() throws Exception {
    assertEquals(ExitCodes.USAGE, Cli.run("new", "Bad Code", "--dir", temp.resolve("a").toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("new", "ok", "--category", "nonsense", "--dir", temp.resolve("b").toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("new", "ok", "--package", "Not.Valid", "--dir", temp.resolve("c").toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("new", "ok", "--package", "com.example.class", "--dir", temp.resolve("d").toString()).exitCode());
    assertEquals("com.example.classplugin", ProjectScaffold.defaultPackage("class"));
    assertEquals("com.example.imagetools", ProjectScaffold.defaultPackage("image-tools"));
    Path busy = Files.createDirectories(temp.resolve("busy"));
    Files.writeString(busy.resolve("f"), "x");
    Cli.Result r = Cli.run("new", "ok", "--dir", busy.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertEquals(List.of("f"), Files.list(busy).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void newTakesTheKitsOfItsCategoryOnly() throws Exception {
    Path inference = temp.resolve("inf");
    Cli.Result made = Cli.run("new", "detector", "--category", "neural_net", "--kit", "inference", "--dir", inference.toString());
    assertEquals(0, made.exitCode(), made::toString);
    Path pkg = inference.resolve("src/main/java/com/example/detector");
    assertTrue(Files.readString(pkg.resolve("InferenceAction.java")).contains("extends BaseInferenceAction<InferenceParams, String>"));
    Path dataset = temp.resolve("ds");
    assertEquals(0, Cli.run("new", "datasets", "--category", "neural_net", "--kit", "dataset", "--dir", dataset.toString()).exitCode());
    assertTrue(Files.readString(dataset.resolve("src/main/java/com/example/datasets/DatasetAction.java"))
        .contains("extends io.synapse.plugins.kits.dataset.DatasetAction"));
    for (List<String> bad : List.of(List.of("export", "dataset"), List.of("custom", "train"), List.of("neural_net", "nonsense"))) {
      Path dir = temp.resolve("bad-" + bad.get(0) + "-" + bad.get(1));
      Cli.Result r = Cli.run("new", "ok", "--category", bad.get(0), "--kit", bad.get(1), "--dir", dir.toString());
      assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
      assertTrue(r.err().contains("kit"), r.err());
      assertTrue(!Files.exists(dir), "nothing written for " + bad);
    }
  }
}
