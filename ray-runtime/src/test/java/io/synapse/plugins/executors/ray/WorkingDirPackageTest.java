package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ConfigError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A working directory as a package: what is shipped, what is refused, limits, determinism. */
class WorkingDirPackageTest {
  @TempDir
  Path dir;

  private static Map<String, String> contents(ClusterPackage pkg) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pkg.bytes()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private Path work() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve("data.txt"), "data");
    Files.createDirectories(work.resolve("sub/deeper"));
    Files.writeString(work.resolve("sub/deeper/nested.txt"), "nested");
    Files.createDirectories(work.resolve("empty"));
    return work;
  }

  @Test
  void filesDirectoriesAndEmptyDirectoriesAreShippedAtTheRoot() throws Exception {
    ClusterPackage pkg = WorkingDirPackage.of(work(), WorkingDirPackage.DEFAULT_LIMIT);
    assertEquals(Map.of("data.txt", "data", "empty/", "", "sub/deeper/nested.txt", "nested"), contents(pkg));
    assertTrue(pkg.uri().matches("gcs://_ray_pkg_[0-9a-f]{40}\\.zip"), pkg.uri());
  }

  @Test
  void sameContentSameBytesWhateverTheTimes() throws Exception {
    Path work = work();
    byte[] first = WorkingDirPackage.of(work, WorkingDirPackage.DEFAULT_LIMIT).bytes();
    Files.setLastModifiedTime(work.resolve("data.txt"), FileTime.fromMillis(0));
    assertArrayEquals(first, WorkingDirPackage.of(work, WorkingDirPackage.DEFAULT_LIMIT).bytes());
    Files.writeString(work.resolve("data.txt"), "DATA");
    assertEquals("DATA", contents(WorkingDirPackage.of(work, WorkingDirPackage.DEFAULT_LIMIT)).get("data.txt"), "a change is seen");
  }

  @Test
  void linksInsideTheDirectoryAreShippedAsCopiesOfTheirTargets() throws Exception {
    Path work = work();
    Files.createSymbolicLink(work.resolve("alias.txt"), Path.of("data.txt"));
    Files.createSymbolicLink(work.resolve("sub-link"), work.resolve("sub"));
    Map<String, String> files = contents(WorkingDirPackage.of(work, WorkingDirPackage.DEFAULT_LIMIT));
    assertEquals("data", files.get("alias.txt"));
    assertEquals("nested", files.get("sub-link/deeper/nested.txt"));
  }

  @Test
  void linksLeavingTheDirectoryDanglingOrLoopingAndSpecialFilesAreAllListedInOneError() throws Exception {
    Path work = work();
    Path outside = Files.writeString(dir.resolve("secret-outside.txt"), "outside");
    Files.createSymbolicLink(work.resolve("escape.txt"), outside);
    Files.createSymbolicLink(work.resolve("escape-dir"), dir);
    Files.createSymbolicLink(work.resolve("dangling"), work.resolve("missing"));
    Files.createSymbolicLink(work.resolve("sub/loop"), work.resolve("sub"));
    Process mkfifo = new ProcessBuilder("mkfifo", work.resolve("pipe").toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
    long started = System.nanoTime();
    ConfigError error = assertThrows(ConfigError.class, () -> WorkingDirPackage.of(work, WorkingDirPackage.DEFAULT_LIMIT));
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 10, "a FIFO is never opened");
    assertEquals(5, error.details().get("count"), error.getMessage());
    for (String name : List.of("escape.txt", "escape-dir", "dangling", "sub/loop", "pipe")) {
      assertTrue(error.getMessage().contains(name), name + ": " + error.getMessage());
    }
    assertTrue(error.getMessage().contains("leaving the directory") && error.getMessage().contains("dangling")
        && error.getMessage().contains("looping") && error.getMessage().contains("special file"), error.getMessage());
    assertTrue(!error.getMessage().contains("outside\n"), "contents are never quoted");
  }

  @Test
  void aDirectoryOverTheLimitIsRefusedNamingTheLimit() throws Exception {
    Path work = work();
    Files.write(work.resolve("big.bin"), new byte[4096]);
    ConfigError error = assertThrows(ConfigError.class, () -> WorkingDirPackage.of(work, 4000));
    assertEquals(4000L, error.details().get("limit_bytes"));
    assertTrue(error.getMessage().contains("larger than the limit of 4000 bytes"), error.getMessage());
    assertEquals(Map.of("data.txt", "data", "empty/", "", "sub/deeper/nested.txt", "nested", "big.bin", "\0".repeat(4096)),
        contents(WorkingDirPackage.of(work, 5000)), "just over the files' size it passes");
  }

  @Test
  void aMissingPathOrAFileIsNotAWorkingDirectory() throws Exception {
    ConfigError missing = assertThrows(ConfigError.class, () -> WorkingDirPackage.of(dir.resolve("nope"), 100));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    ConfigError notDir = assertThrows(ConfigError.class, () -> WorkingDirPackage.of(file, 100));
    assertTrue(notDir.getMessage().contains("is not a directory"), notDir.getMessage());
  }
}
