package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content-addressed code package of both Ray backends: same content, same bytes, same URI; class path order kept. */
class CodePackageTest {
  @TempDir
  Path dir;

  @Test
  void theUriIsTheSha1OfTheZipInRaysNaming() throws Exception {
    ClusterPackage pkg = ClusterPackage.of(new TreeMap<>(Map.of("a.json", "{}".getBytes(StandardCharsets.UTF_8))));
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(pkg.bytes()));
    assertEquals("gcs://_ray_pkg_" + sha1 + ".zip", pkg.uri());
    assertEquals("_ray_pkg_" + sha1 + ".zip", pkg.name());
  }

  @Test
  void equalContentGivesEqualBytesWhateverTheFileTimes() throws Exception {
    Path jar = Files.write(dir.resolve("plugin.jar"), new byte[] {1, 2, 3, 4});
    Path classes = Files.createDirectories(dir.resolve("classes/io/x"));
    Files.writeString(classes.resolve("A.class"), "class-bytes");
    Files.writeString(dir.resolve("classes/config.yaml"), "code: x");
    ClusterPackage first = CodePackage.of(List.of(dir.resolve("classes"), jar));
    Files.setLastModifiedTime(classes.resolve("A.class"), FileTime.fromMillis(0));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
    ClusterPackage second = CodePackage.of(List.of(dir.resolve("classes"), jar));
    assertArrayEquals(first.bytes(), second.bytes());
    assertEquals(first.uri(), second.uri());
    assertEquals(List.of("lib/00-classes.jar", "lib/01-plugin.jar", CodePackage.LAUNCHER), first.entries());
    assertEquals("lib/00-classes.jar lib/01-plugin.jar", launcherClassPath(first), "class path order is kept");
  }

  @Test
  void changedContentGivesANewUri() throws Exception {
    Path jar = Files.write(dir.resolve("plugin.jar"), new byte[] {1, 2, 3});
    String before = CodePackage.of(List.of(jar)).uri();
    Files.write(jar, new byte[] {1, 2, 4});
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertNotEquals(before, CodePackage.of(List.of(jar)).uri());
  }

  @Test
  void jarsAreStoredAndEntriesHaveAFixedTime() throws Exception {
    Path jar = Files.write(dir.resolve("lib.jar"), "jar-content".getBytes(StandardCharsets.UTF_8));
    Path classes = Files.createDirectories(dir.resolve("out"));
    Files.writeString(classes.resolve("B.class"), "b");
    ClusterPackage pkg = CodePackage.of(List.of(jar, classes));
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pkg.bytes()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
        assertEquals(ZipEntry.STORED, entry.getMethod(), entry.getName());
        if (entry.getName().equals(CodePackage.LAUNCHER)) {
          continue;
        }
        assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), entry.getTimeLocal());
        if (entry.getName().equals("lib/00-lib.jar")) {
          assertEquals("jar-content", new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        } else {
          try (ZipInputStream inner = new ZipInputStream(new ByteArrayInputStream(zip.readAllBytes()))) {
            assertEquals("B.class", inner.getNextEntry().getName(), "a directory becomes a jar of its files");
          }
        }
      }
    }
    assertEquals(List.of("lib/00-lib.jar", "lib/01-out.jar", CodePackage.LAUNCHER), names);
  }

  @Test
  void aLauncherJarsManifestClassPathIsExpanded() throws Exception {
    Path dep = Files.write(dir.resolve("dep.jar"), new byte[] {9});
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, "dep.jar missing.jar ray_dist.jar");
    Files.write(dir.resolve("ray_dist.jar"), new byte[] {0});
    Path launcher = dir.resolve("launcher.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(launcher), manifest)) {
      out.flush();
    }
    assertEquals(List.of(dep), RayConnection.manifestClassPath(launcher));
    assertTrue(RayConnection.manifestClassPath(dep).isEmpty());
  }

  @Test
  void aJavaWorkerLoadsTheLibJarsInOrderThroughTheLaunchersManifest() throws Exception {
    Path first = jarWith(dir.resolve("first.jar"), "same.txt", "from first");
    Path second = jarWith(dir.resolve("second.jar"), "same.txt", "from second");
    ClusterPackage pkg = CodePackage.of(List.of(first, second));
    Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pkg.bytes()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path target = unpacked.resolve(entry.getName());
        Files.createDirectories(target.getParent());
        Files.write(target, zip.readAllBytes());
      }
    }
    // What Ray puts on a TASK worker's class path: the package's root jars (only the launcher).
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
        new java.net.URL[] {unpacked.resolve(CodePackage.LAUNCHER).toUri().toURL()}, null)) {
      java.net.URL found = loader.getResource("same.txt");
      assertTrue(found != null && found.toString().contains("lib/00-first.jar"), String.valueOf(found));
      assertEquals(2, java.util.Collections.list(loader.getResources("same.txt")).size());
    }
  }

  private static String launcherClassPath(ClusterPackage pkg) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pkg.bytes()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals(CodePackage.LAUNCHER)) {
          try (java.util.jar.JarInputStream jar = new java.util.jar.JarInputStream(new ByteArrayInputStream(zip.readAllBytes()))) {
            java.util.jar.Manifest manifest = jar.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
          }
        }
      }
    }
    return null;
  }

  private static Path jarWith(Path jar, String name, String content) throws Exception {
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry(name));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
