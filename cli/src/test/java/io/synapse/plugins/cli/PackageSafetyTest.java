package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synapse package} against symbolic links and special files in what it reads and where it
 * writes, outputs that overlap the input or the working directory, and concurrent runs to one output.
 * Every destructive case runs inside the test's own temporary directory.
 */
class PackageSafetyTest {
  @TempDir Path temp;

  // -- the output: never written through a link --

  @Test
  void anOutputThatIsALinkToADirectoryIsReplacedNotFollowed() throws Exception {
    Path victim = Files.createDirectories(temp.resolve("victim"));
    Files.writeString(victim.resolve("keep.txt"), "keep");
    Path out = Files.createSymbolicLink(temp.resolve("out"), victim);
    Cli.Result refused = Cli.run("package", Cli.hello(), "-o", out.toString());
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("symbolic link"), refused::toString);
    Cli.Result forced = Cli.run("package", Cli.hello(), "-o", out.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced::toString);
    assertFalse(Files.isSymbolicLink(out), "the link itself was replaced");
    assertTrue(Files.isRegularFile(out.resolve("config.yaml"), LinkOption.NOFOLLOW_LINKS));
    assertEquals(List.of("keep.txt"), names(victim), "nothing was written into the link's target");
  }

  @Test
  void aZipOutputThatIsALinkToAFileIsReplacedNotFollowed() throws Exception {
    Path victim = Files.writeString(temp.resolve("victim.txt"), "precious");
    Path zip = Files.createSymbolicLink(temp.resolve("hello.zip"), victim);
    assertEquals(ExitCodes.USAGE, Cli.run("package", Cli.hello(), "-o", zip.toString()).exitCode());
    Cli.Result forced = Cli.run("package", Cli.hello(), "-o", zip.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced::toString);
    assertEquals("precious", Files.readString(victim));
    assertFalse(Files.isSymbolicLink(zip));
    assertValidZip(zip);
  }

  @Test
  void linksPlantedInAnOldOutputDirectoryAreRemovedNotFollowed() throws Exception {
    Path victimFile = Files.writeString(temp.resolve("victim.yaml"), "precious");
    Path victimDir = Files.createDirectories(temp.resolve("victim-lib"));
    Files.writeString(victimDir.resolve("keep.jar"), "keep");
    Path out = Files.createDirectories(temp.resolve("dist/hello"));
    Files.createSymbolicLink(out.resolve("config.yaml"), victimFile);
    Files.createSymbolicLink(out.resolve("lib"), victimDir);
    Cli.Result r = Cli.run("package", Cli.hello(), "-o", out.toString(), "--force");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("precious", Files.readString(victimFile));
    assertEquals(List.of("keep.jar"), names(victimDir));
    assertFalse(Files.isSymbolicLink(out.resolve("config.yaml")));
    assertFalse(Files.isSymbolicLink(out.resolve("lib")));
    assertEquals(List.of("config.yaml", "lib"), names(out));
    assertEquals(List.of(".hello.synapse-package.lock", "hello"), names(out.getParent()), "no staging or old directory is left beside it");
  }

  @Test
  void outputsThatOverlapTheInputAreRefused() throws Exception {
    Path module = module("overlap");
    for (Path bad : List.of(module, module.resolve("target/classes/out"), module.resolve("target/classes"), module.getParent())) {
      Cli.Result r = Cli.run("package", module.toString(), "-o", bad.toString(), "--force");
      assertEquals(ExitCodes.USAGE, r.exitCode(), bad + "\n" + r);
    }
    assertTrue(Files.isRegularFile(module.resolve("target/classes/META-INF/synapse/hello_plugin/config.yaml")), "the module is intact");
    assertEquals(0, Cli.run("package", module.toString(), "-o", module.resolve("target/dist").toString()).exitCode(),
        "beside what is packed is fine");
  }

  @Test
  void outputsThatNameNothingNewOrTheWorkingDirectoryAreRefused() throws Exception {
    // Checked without running a package: a mistake here would replace a real directory.
    Path module = module("names");
    Path cwd = Files.createDirectories(temp.resolve("work/here"));
    PackageInput input = PackageInput.of(module);
    for (String bad : List.of(".", "..", "/", "x/..", "../..", cwd.toString(), cwd.getParent().toString(), "../here")) {
      CliException e = assertThrows(CliException.class, () -> PluginPackager.checkedOutput(Path.of(bad), module, input, cwd), bad);
      assertEquals(ExitCodes.USAGE, e.exitCode(), bad);
    }
    assertEquals(cwd.toRealPath().resolve("dist"), PluginPackager.checkedOutput(Path.of("dist"), module, input, cwd));
    Path linkToCwd = Files.createSymbolicLink(temp.resolve("work/link"), cwd);
    assertEquals(linkToCwd.getParent().toRealPath().resolve("link"), PluginPackager.checkedOutput(linkToCwd, module, input, cwd),
        "a link named as the output is replaced itself, so it may point anywhere");
  }

  // -- the input: links stay inside the module, no special files --

  @Test
  void linksThatStayInsideTheModuleArePackedWithTheirTargets() throws Exception {
    Path module = module("inside");
    Files.writeString(module.resolve("NOTES.txt"), "notes of the module");
    Files.createSymbolicLink(module.resolve("target/classes/notes.txt"), Path.of("../../NOTES.txt"));
    Files.createDirectories(module.resolve("shared/data"));
    Files.writeString(module.resolve("shared/data/a.txt"), "a");
    Files.createSymbolicLink(module.resolve("target/classes/data"), module.resolve("shared/data"));
    Path out = temp.resolve("out-inside");
    Cli.Result r = Cli.run("package", module.toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    try (ZipFile jar = new ZipFile(out.resolve("lib/hello_plugin-0.1.0.jar").toFile())) {
      assertEquals("notes of the module", new String(jar.getInputStream(jar.getEntry("notes.txt")).readAllBytes()));
      assertEquals("a", new String(jar.getInputStream(jar.getEntry("data/a.txt")).readAllBytes()));
    }
  }

  @Test
  void linksThatLeaveTheModuleDanglingLinksLoopsAndSpecialFilesAreRefused() throws Exception {
    Path outside = Files.writeString(temp.resolve("outside-secret.txt"), "not for the package");
    Path outsideDir = Files.createDirectories(temp.resolve("outside-dir"));
    Path outsideJar = Files.copy(Cli.HELLO.resolve("target/hello-plugin.jar"), temp.resolve("outside.jar"));
    List<String> cases = List.of("file link out", "directory link out", "dangling link", "link loop", "fifo", "dependency jar link out",
        "lib directory link out");
    for (String kind : cases) {
      int index = cases.indexOf(kind);
      Path module = module("bad-" + index);
      Path classes = module.resolve("target/classes");
      switch (kind) {
        case "file link out" -> Files.createSymbolicLink(classes.resolve("leak.txt"), outside);
        case "directory link out" -> Files.createSymbolicLink(classes.resolve("leakdir"), outsideDir);
        case "dangling link" -> Files.createSymbolicLink(classes.resolve("gone.txt"), module.resolve("no-such-file"));
        case "link loop" -> Files.createSymbolicLink(classes.resolve("META-INF/loop"), classes);
        case "fifo" -> {
          Process mkfifo = new ProcessBuilder("mkfifo", classes.resolve("pipe").toString()).inheritIO().start();
          assertEquals(0, mkfifo.waitFor(), "mkfifo is needed for this test");
        }
        case "dependency jar link out" -> {
          Files.createDirectories(module.resolve("target/lib"));
          Files.createSymbolicLink(module.resolve("target/lib/dep.jar"), outsideJar);
        }
        case "lib directory link out" -> {
          Files.createDirectories(outsideDir.resolve("jars"));
          Files.copy(outsideJar, outsideDir.resolve("jars/dep.jar"));
          Files.createSymbolicLink(module.resolve("target/lib"), outsideDir.resolve("jars"));
        }
        default -> throw new AssertionError(kind);
      }
      Path out = temp.resolve("out-" + index);
      Cli.Result r = Cli.run("package", module.toString(), "-o", out.toString());
      assertEquals(ExitCodes.EXECUTION, r.exitCode(), kind + "\n" + r);
      assertTrue(r.err().startsWith("error: Refusing to package " + module), kind + "\n" + r);
      assertEquals(List.of(), names(temp).stream().filter(name -> name.contains("out-" + index)).toList(), kind + ": nothing was written");
    }
    assertEquals("not for the package", Files.readString(outside));
  }

  @Test
  void aTargetDirectoryThatIsALinkBelongsToTheModule() throws Exception {
    Path module = module("linked-target");
    Path elsewhere = temp.resolve("build-on-another-disk");
    Files.move(module.resolve("target"), elsewhere);
    Files.createSymbolicLink(module.resolve("target"), elsewhere);
    Cli.Result r = Cli.run("package", module.toString(), "-o", temp.resolve("out-linked").toString());
    assertEquals(0, r.exitCode(), r::toString);
  }

  // -- concurrent runs --

  @Test
  void concurrentRunsToOneZipWithForceAllWriteTheSameValidZip() throws Exception {
    Path reference = temp.resolve("reference.zip");
    assertEquals(0, Cli.run("package", Cli.hello(), "-o", reference.toString()).exitCode());
    Path zip = temp.resolve("shared/hello.zip");
    List<Cli.Result> results = concurrently(6, 4, i -> Cli.run("package", Cli.hello(), "-o", zip.toString(), "--force"));
    results.forEach(r -> assertEquals(0, r.exitCode(), r::toString));
    assertValidZip(zip);
    assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(zip), "the same bytes as a run alone");
    assertEquals(List.of(".hello.zip.synapse-package.lock", "hello.zip"), names(zip.getParent()));
  }

  @Test
  void concurrentRunsWithoutForceExactlyOneWins() throws Exception {
    for (int round = 0; round < 4; round++) {
      Path zip = temp.resolve("race-" + round + ".zip");
      List<Cli.Result> results = concurrently(5, 1, i -> Cli.run("package", Cli.hello(), "-o", zip.toString()));
      assertEquals(1, results.stream().filter(r -> r.exitCode() == 0).count(), results::toString);
      assertEquals(4, results.stream().filter(r -> r.exitCode() == ExitCodes.USAGE && r.err().contains("already exists")).count(),
          results::toString);
      assertValidZip(zip);
    }
  }

  @Test
  void concurrentRunsOfTwoPluginsToOneDirectoryLeaveOneWholePlugin() throws Exception {
    Path steps = Cli.HELLO.resolveSibling("steps-plugin");
    assertTrue(Files.isDirectory(steps.resolve("target/classes")), "examples/steps-plugin is built before this module");
    Path out = temp.resolve("shared-dir");
    List<Cli.Result> results = concurrently(4, 4, i -> Cli.run("package", (i % 2 == 0 ? Cli.HELLO : steps).toString(),
        "-o", out.toString(), "--force"));
    results.forEach(r -> assertEquals(0, r.exitCode(), r::toString));
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(out)) {
      String code = plugin.config().code();
      assertTrue(List.of("hello_plugin", "steps_demo").contains(code), code);
      List<String> pluginJars = names(out.resolve("lib")).stream().filter(n -> n.startsWith("hello_plugin-") || n.startsWith("steps_demo-")).toList();
      assertEquals(List.of(code + "-0.1.0.jar"), pluginJars, "lib/ holds the one plugin config.yaml names");
    }
  }

  // -- helpers --

  /** A copy of the built hello module (its target/classes), to plant links in. */
  private Path module(String name) throws IOException {
    Path module = Files.createDirectories(temp.resolve("modules").resolve(name));
    Path from = Cli.HELLO.resolve("target/classes").toAbsolutePath();
    Path to = module.resolve("target/classes");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path each : walk.toList()) {
        Path copy = to.resolve(from.relativize(each).toString());
        if (Files.isDirectory(each)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(each, copy);
        }
      }
    }
    return module;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Reads every entry of {@code zip} to its end, which checks each CRC. */
  static void assertValidZip(Path zip) throws IOException {
    assertTrue(Files.isRegularFile(zip, LinkOption.NOFOLLOW_LINKS), zip + " is a file");
    try (ZipFile file = new ZipFile(zip.toFile())) {
      int entries = 0;
      for (Enumeration<? extends ZipEntry> all = file.entries(); all.hasMoreElements(); entries++) {
        try (InputStream in = file.getInputStream(all.nextElement())) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      assertTrue(entries >= 2, "config.yaml and the plugin jar");
    }
  }

  interface Run {
    Cli.Result run(int index) throws Exception;
  }

  private static List<Cli.Result> concurrently(int threads, int rounds, Run run) throws Exception {
    List<Cli.Result> all = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Cli.Result>> futures = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        for (int i = 0; i < threads; i++) {
          int index = i;
          futures.add(pool.submit(() -> {
            start.await();
            return run.run(index);
          }));
        }
        for (Future<Cli.Result> future : futures) {
          all.add(future.get(300, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return all;
  }
}
