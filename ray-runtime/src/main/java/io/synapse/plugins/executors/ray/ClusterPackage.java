package io.synapse.plugins.executors.ray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A content-addressed zip that Ray unpacks on the nodes (a code package, a working directory, a job's
 * request), named the way Ray's SDK names its uploads: {@code gcs://_ray_pkg_<sha1 of the zip>.zip}. The
 * bytes depend only on the entries' names and contents (sorted names, fixed timestamps, no extra fields),
 * so equal inputs give the same URI, and {@link PackageUploader} uploads each URI once.
 *
 * @param uri the package's {@code gcs://} URI
 * @param bytes the zip
 * @param entries the entry names, in zip order
 */
record ClusterPackage(String uri, byte[] bytes, List<String> entries) {
  /** A fixed, time-zone-independent entry time (the zip format's earliest). */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
  /** The prefix of package names, as Ray's SDK writes it. */
  static final String PREFIX = "_ray_pkg_";

  /** The name the dashboard's package endpoints take, and the directory Ray unpacks it into: the URI without {@code gcs://}. */
  String name() {
    return uri.substring("gcs://".length());
  }

  /** The directory name Ray unpacks the package into on a node ({@code _ray_pkg_<sha1>}). */
  String directoryName() {
    return name().substring(0, name().length() - ".zip".length());
  }

  /** A package of the given entries (name to content), written in name order. */
  static ClusterPackage of(SortedMap<String, byte[]> files) {
    byte[] zip = zip(files);
    return new ClusterPackage(uriOf(zip), zip, List.copyOf(files.keySet()));
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

  /** A jar holding only a manifest whose {@code Class-Path} lists {@code entries} (relative URLs, in order). */
  static byte[] manifestJar(List<String> entries) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try {
      manifest.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a manifest in memory", e);
    }
    SortedMap<String, byte[]> files = new java.util.TreeMap<>();
    files.put("META-INF/MANIFEST.MF", text.toByteArray());
    return zip(files);
  }
}
