package io.synapse.plugins.kits.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** File-tree work the kits share: deleting trees, zipping and unzipping safely, hashing. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code path} and everything under it; symbolic links are deleted, never followed. Absent is fine. */
  public static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** The regular files under {@code dir}, sorted by path. */
  public static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * Zips {@code source} (a file, or a directory's files relative to it) into {@code zip}, in sorted
   * order with fixed timestamps, so the same tree gives the same bytes.
   */
  public static void zip(Path source, Path zip) throws IOException {
    Files.createDirectories(zip.toAbsolutePath().getParent());
    List<Path> files = Files.isDirectory(source) ? files(source) : List.of(source);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path file : files) {
        String name = Files.isDirectory(source) ? source.relativize(file).toString().replace('\\', '/')
            : file.getFileName().toString();
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(315532800000L); // 1980-01-01, the earliest time a zip can hold
        out.putNextEntry(entry);
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  /**
   * Extracts {@code zip} into {@code target}. An entry whose name would land outside {@code target}
   * (absolute, {@code ..}) is an {@link IOException} naming it, and nothing is extracted past it.
   *
   * @param maxBytes the most bytes extracted in all; beyond it an {@link IOException}
   */
  public static List<Path> unzip(Path zip, Path target, long maxBytes) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    List<Path> written = new ArrayList<>();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root) || out.equals(root)) {
          throw new IOException("archive entry '" + entry.getName() + "' would be written outside " + root);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (var sink = Files.newOutputStream(out)) {
          int read;
          while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > maxBytes) {
              throw new IOException("archive " + zip.getFileName() + " extracts to more than " + maxBytes + " bytes");
            }
            sink.write(buffer, 0, read);
          }
        }
        written.add(out);
      }
    }
    return written;
  }

  /**
   * A file name from a remote record, made safe to write: its last path element, with control
   * characters and {@code :*?"<>|} replaced by {@code _}; {@code fallback} when nothing usable is left
   * (empty, {@code .} or {@code ..}).
   */
  public static String safeFileName(String name, String fallback) {
    if (name == null) {
      return fallback;
    }
    String last = name.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1);
    String clean = last.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
    return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? fallback : clean;
  }

  /** Deletes each path of {@code listed} (a list of path strings from a step's rollback data) and what is under it. */
  public static void deleteListed(Object listed) throws IOException {
    if (listed instanceof List<?> paths) {
      for (Object path : paths) {
        deleteTree(java.nio.file.Path.of(String.valueOf(path)));
      }
    }
  }

  /** The SHA-1 of a file, in lower-case hex (the platform's data-file checksum). */
  public static String sha1(Path file) throws IOException {
    return digest("SHA-1", file);
  }

  /** The MD5 of a file, in lower-case hex (the chunked upload's finalisation checksum). */
  public static String md5(Path file) throws IOException {
    return digest("MD5", file);
  }

  private static String digest(String algorithm, Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (var in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
