package io.synapse.plugins.executors.ray;

import io.synapse.plugins.errors.ConfigError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A content-addressed zip for a Ray runtime environment, built the way Ray's SDK names its uploads:
 * {@code gcs://_ray_pkg_<sha1 of the zip>.zip}. The bytes depend only on the entries' names and contents
 * (sorted names, fixed timestamps, no extra fields), so equal inputs give the same URI and a second
 * upload is skipped.
 *
 * @param uri the package's {@code gcs://} URI
 * @param bytes the zip
 * @param entries the entry names, in zip order
 */
record JobPackage(String uri, byte[] bytes, List<String> entries) {
  /** A fixed, time-zone-independent entry time (the zip format's earliest). */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
  private static final String PREFIX = "_ray_pkg_";
  /** The jar cache of {@link #ofClassPath}: keeps the last few packages so repeated submits skip zipping. */
  private static final Map<String, JobPackage> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, JobPackage> eldest) {
      return size() > 4;
    }
  };

  /** The name the dashboard's package endpoints take: the URI without {@code gcs://}. */
  String name() {
    return uri.substring("gcs://".length());
  }

  /** A package of the given entries (name to content), written in name order. */
  static JobPackage of(SortedMap<String, byte[]> files) {
    byte[] zip = zip(files);
    return new JobPackage(uriOf(zip), zip, List.copyOf(files.keySet()));
  }

  /**
   * The class path as a package: each jar as {@code lib/NN-<name>.jar}, each directory zipped into
   * {@code lib/NN-<name>.jar}, numbered in class path order so the order survives. Cached by the
   * entries' paths, sizes and modification times.
   *
   * @throws ConfigError when an entry cannot be read
   */
  static JobPackage ofClassPath(List<Path> classPath) {
    String key = cacheKey(classPath);
    synchronized (RECENT) {
      JobPackage known = RECENT.get(key);
      if (known != null) {
        return known;
      }
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    int index = 0;
    for (Path entry : classPath) {
      String base = entry.getFileName() == null ? "root" : entry.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      String name = String.format("lib/%02d-%s", index++, base.endsWith(".jar") ? base : base + ".jar");
      try {
        files.put(name, Files.isDirectory(entry) ? zip(directoryFiles(entry)) : Files.readAllBytes(entry));
      } catch (IOException | UncheckedIOException e) {
        throw new ConfigError("Cannot read class path entry " + entry + " for the job's package: " + e, Map.of("path", entry.toString()), e);
      }
    }
    JobPackage built = of(files);
    synchronized (RECENT) {
      RECENT.put(key, built);
    }
    return built;
  }

  /** The class path of a job whose working directory is this package: its {@code lib/} entries in order. */
  List<String> classPathEntries() {
    List<String> jars = new ArrayList<>();
    for (String entry : entries) {
      if (entry.startsWith("lib/")) {
        jars.add(entry);
      }
    }
    return jars;
  }

  static String uriOf(byte[] zip) {
    try {
      return "gcs://" + PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(zip)) + ".zip";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** A deterministic zip: entries in map order, fixed times; jars are stored (they are compressed already). */
  static byte[] zip(SortedMap<String, byte[]> files) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
      zip.setLevel(6);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(file.getKey());
        entry.setTimeLocal(ENTRY_TIME);
        byte[] content = file.getValue();
        if (file.getKey().endsWith(".jar")) {
          CRC32 crc = new CRC32();
          crc.update(content);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(content.length);
          entry.setCompressedSize(content.length);
          entry.setCrc(crc.getValue());
        } else {
          entry.setMethod(ZipEntry.DEFLATED);
        }
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a zip in memory", e);
    }
    return buffer.toByteArray();
  }

  private static SortedMap<String, byte[]> directoryFiles(Path directory) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String name = directory.relativize(file).toString().replace('\\', '/');
        // A nested jar inside a class directory is not on the class path; store it like any file.
        files.put(name, Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static String cacheKey(List<Path> classPath) {
    StringBuilder key = new StringBuilder();
    for (Path entry : classPath) {
      key.append(entry.toAbsolutePath()).append('|');
      try {
        if (Files.isDirectory(entry)) {
          try (Stream<Path> walk = Files.walk(entry)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
              key.append(file).append(':').append(Files.size(file)).append(':').append(Files.getLastModifiedTime(file).toMillis()).append(';');
            }
          }
        } else {
          key.append(Files.size(entry)).append(':').append(Files.getLastModifiedTime(entry).toMillis());
        }
      } catch (IOException | UncheckedIOException e) {
        key.append("unreadable");
      }
      key.append('\n');
    }
    return key.toString();
  }
}
