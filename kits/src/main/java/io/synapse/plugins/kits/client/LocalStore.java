package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The directory tree of a local backend: each record is {@code <root>/<kind>/<id>/record.json}, next to
 * the files it owns. Ids are claimed by creating the record's directory (atomic, so several JVMs on
 * one tree never share an id) and records are written through a temporary file and a move, so a
 * reader sees a whole record or none. A directory without {@code record.json} (claimed, not written)
 * is not a record.
 */
final class LocalStore {
  static final String RECORD = "record.json";
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final Pattern KIND = Pattern.compile("[a-z_]+");

  private final Path root;

  LocalStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** Claims a fresh id of {@code kind} and returns it; its directory exists afterwards. */
  long claim(String kind) {
    Path dir = kindDir(kind);
    try {
      Files.createDirectories(dir);
      long next = maxId(dir) + 1;
      while (true) {
        try {
          Files.createDirectory(dir.resolve(Long.toString(next)));
          return next;
        } catch (FileAlreadyExistsException taken) {
          next++;
        }
      }
    } catch (IOException e) {
      throw BackendError.storage("cannot claim a new " + kind + " id under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The directory of record {@code id} of {@code kind} (it may not exist). */
  Path dir(String kind, long id) {
    return kindDir(kind).resolve(Long.toString(id));
  }

  void write(String kind, long id, Map<String, Object> record) {
    try {
      KitJson.writeAtomically(dir(kind, id).resolve(RECORD), record);
    } catch (IOException e) {
      throw BackendError.storage("cannot write " + kind + " " + id + ": " + e.getMessage(), e);
    }
  }

  /** Appends {@code line} as one JSON line to {@code name} in the record's directory. */
  synchronized void appendLine(String kind, long id, String name, Map<String, Object> line) {
    try {
      Path dir = Files.createDirectories(dir(kind, id));
      Files.writeString(dir.resolve(name), KitJson.write(line) + "\n", java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw BackendError.storage("cannot append to " + kind + " " + id + ": " + e.getMessage(), e);
    }
  }

  /** The JSON lines of {@code name} in the record's directory (none when it does not exist). */
  synchronized java.util.List<Map<String, Object>> readLines(String kind, long id, String name) {
    Path file = dir(kind, id).resolve(name);
    java.util.List<Map<String, Object>> lines = new java.util.ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return lines;
    }
    try {
      for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          lines.add(KitJson.asMap(KitJson.parse(line)));
        }
      }
      return lines;
    } catch (IOException | IllegalArgumentException e) {
      throw BackendError.storage("cannot read " + kind + " " + id + " " + name + ": " + e.getMessage(), e);
    }
  }

  Optional<Map<String, Object>> read(String kind, long id) {
    Path file = dir(kind, id).resolve(RECORD);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(KitJson.readMap(file));
    } catch (IOException | IllegalArgumentException e) {
      throw BackendError.storage("cannot read " + kind + " " + id + " (" + file + "): " + e.getMessage(), e);
    }
  }

  Map<String, Object> require(String kind, long id) {
    return read(kind, id).orElseThrow(() -> BackendError.notFound(kind.replace('_', ' '), id));
  }

  /** Every record of {@code kind}, by id. */
  List<Map<String, Object>> all(String kind) {
    Path dir = kindDir(kind);
    List<Long> ids = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (ID.matcher(name).matches() && Files.isRegularFile(entry.resolve(RECORD))) {
            ids.add(Long.parseLong(name));
          }
        }
      } catch (IOException e) {
        throw BackendError.storage("cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    ids.sort(null);
    List<Map<String, Object>> records = new ArrayList<>();
    for (long id : ids) {
      read(kind, id).ifPresent(records::add);
    }
    return records;
  }

  /** Deletes record {@code id} of {@code kind} and its files; false when there was none. */
  boolean delete(String kind, long id) {
    Path dir = dir(kind, id);
    if (!Files.isRegularFile(dir.resolve(RECORD))) {
      return false;
    }
    try {
      // The record goes first: a half-deleted directory is then no longer a record.
      Files.delete(dir.resolve(RECORD));
      io.synapse.plugins.kits.internal.FileTrees.deleteTree(dir);
      return true;
    } catch (IOException e) {
      throw BackendError.storage("cannot delete " + kind + " " + id + ": " + e.getMessage(), e);
    }
  }

  /** A path of the tree as the URL records hand out ({@code file:} URI). */
  String url(Path file) {
    return file.toAbsolutePath().normalize().toUri().toString();
  }

  /**
   * The file a {@code file:} URL of this tree names.
   *
   * @throws BackendError when the URL is not a {@code file:} URL inside the tree
   */
  Path fileOf(String url) {
    Path path;
    try {
      java.net.URI uri = java.net.URI.create(url);
      if (!"file".equalsIgnoreCase(uri.getScheme())) {
        throw BackendError.invalid("the local backend serves file: URLs of its own tree only, not " + scheme(url),
            Map.of("root", root.toString()));
      }
      path = Path.of(uri).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) {
      throw BackendError.invalid("not a file URL of the local backend", Map.of("root", root.toString()));
    }
    if (!path.startsWith(root)) {
      throw BackendError.invalid("the file URL points outside the local backend " + root, Map.of("root", root.toString()));
    }
    if (!Files.isRegularFile(path)) {
      throw BackendError.notFound("file", root.relativize(path));
    }
    return path;
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon > 0 && colon < 12 ? url.substring(0, colon) + ": URLs" : "a URL without a scheme";
  }

  private Path kindDir(String kind) {
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("bad record kind " + kind);
    }
    return root.resolve(kind);
  }

  private static long maxId(Path dir) throws IOException {
    long max = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (ID.matcher(name).matches()) {
          max = Math.max(max, Long.parseLong(name));
        }
      }
    }
    return max;
  }
}
