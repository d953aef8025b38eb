package io.synapse.plugins.executors.ray;

import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A local working directory as a {@link ClusterPackage}, for Ray's {@code working_dir}: its files at the
 * package's root, so that Ray unpacks them into the directory the action then runs in.
 *
 * <p>What is shipped: regular files and directories (empty ones too); a symbolic link whose target lies
 * inside the directory is shipped as a copy of its target (file or directory). Refused, all listed in one
 * {@link ConfigError} before anything is read: symbolic links that leave the directory, dangling or
 * looping ones, and special files (FIFOs, sockets, devices), which the cluster could not use. A directory
 * whose files add up to more than the limit is refused as soon as the walk passes it, as is one of more
 * than {@value #MAX_FILES} entries. File permissions are not kept (Ray's unpacker does not restore them).
 */
final class WorkingDirPackage {
  /** The default limit on the files' total size: Ray's dashboard takes uploads of at most 100 MiB. */
  static final long DEFAULT_LIMIT = 64L * 1024 * 1024;
  /** At most this many files and directories are shipped. */
  static final int MAX_FILES = 100_000;
  private static final int LISTED_PROBLEMS = 10;
  private static final Map<String, ClusterPackage> RECENT = new LinkedHashMap<>(4, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ClusterPackage> eldest) {
      return size() > 4;
    }
  };

  private WorkingDirPackage() {}

  /** One entry to ship: its name in the package and the file it is read from (null for a directory). */
  private record Entry(String name, Path file, long size, long modified) {}

  /**
   * The package of {@code directory}.
   *
   * @throws ConfigError when it is no directory, holds what cannot be shipped, or is over {@code limitBytes}
   */
  static ClusterPackage of(Path directory, long limitBytes) {
    Path root;
    try {
      root = directory.toRealPath();
    } catch (IOException e) {
      throw new ConfigError("The working directory " + directory + " does not exist", Map.of("working_dir", directory.toString()), e);
    }
    if (!Files.isDirectory(root)) {
      throw new ConfigError("The working directory " + directory + " is not a directory", Map.of("working_dir", directory.toString()));
    }
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long[] total = {0};
    walk(root, root, "", new TreeSet<>(Set.of(root.toString())), entries, problems, total, limitBytes, directory);
    if (!problems.isEmpty()) {
      List<String> listed = problems.subList(0, Math.min(LISTED_PROBLEMS, problems.size()));
      throw new ConfigError("The working directory " + directory + " holds " + problems.size() + " entr" + (problems.size() == 1 ? "y" : "ies")
          + " that cannot be shipped to the cluster: " + String.join("; ", listed) + (problems.size() > listed.size() ? "; ..." : ""),
          Map.of("working_dir", directory.toString(), "problems", List.copyOf(listed), "count", problems.size()));
    }
    String key = cacheKey(root, entries);
    synchronized (RECENT) {
      ClusterPackage known = RECENT.get(key);
      if (known != null) {
        return known;
      }
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (Entry entry : entries) {
      try {
        files.put(entry.name(), entry.file() == null ? new byte[0] : Files.readAllBytes(entry.file()));
      } catch (IOException e) {
        throw new ConfigError("Cannot read " + entry.file() + " of the working directory " + directory + ": " + e,
            Map.of("working_dir", directory.toString(), "path", entry.file().toString()), e);
      }
    }
    ClusterPackage built = ClusterPackage.of(files);
    synchronized (RECENT) {
      RECENT.put(key, built);
    }
    return built;
  }

  // Walks dir (real path; prefix is its name in the package), following links that stay inside root.
  // ancestors are the real directories on the way down, to refuse a link that loops back into one.
  private static void walk(Path root, Path dir, String prefix, Set<String> ancestors, List<Entry> entries, List<String> problems,
      long[] total, long limit, Path given) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      problems.add(prefix + " cannot be listed (" + e.getClass().getSimpleName() + ")");
      return;
    }
    children.sort(null);
    if (children.isEmpty() && !prefix.isEmpty()) {
      entries.add(new Entry(prefix, null, 0, 0));
    }
    for (Path child : children) {
      String name = prefix + child.getFileName();
      BasicFileAttributes attributes;
      Path real = child;
      try {
        attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
          try {
            real = child.toRealPath();
          } catch (IOException e) {
            problems.add(name + " is a dangling symbolic link (-> " + Files.readSymbolicLink(child) + ")");
            continue;
          }
          if (!real.startsWith(root)) {
            problems.add(name + " is a symbolic link leaving the directory (-> " + real + "), which the cluster cannot see");
            continue;
          }
          attributes = Files.readAttributes(real, BasicFileAttributes.class);
        }
      } catch (IOException e) {
        problems.add(name + " cannot be read (" + e.getClass().getSimpleName() + ")");
        continue;
      }
      if (entries.size() >= MAX_FILES) {
        throw new ConfigError("The working directory " + given + " holds more than " + MAX_FILES + " files and directories",
            Map.of("working_dir", given.toString(), "limit", MAX_FILES));
      }
      if (attributes.isDirectory()) {
        if (ancestors.contains(real.toString())) {
          problems.add(name + " is a symbolic link looping back to " + real);
          continue;
        }
        Set<String> below = new TreeSet<>(ancestors);
        below.add(real.toString());
        walk(root, real, name + "/", below, entries, problems, total, limit, given);
      } else if (attributes.isRegularFile()) {
        total[0] += attributes.size();
        if (total[0] > limit) {
          throw new ConfigError("The working directory " + given + " is larger than the limit of " + limit + " bytes (passed at " + name
              + "): ship only what the action needs, or raise the limit (workingDirLimit)",
              Map.of("working_dir", given.toString(), "limit_bytes", limit));
        }
        entries.add(new Entry(name, real, attributes.size(), attributes.lastModifiedTime().toMillis()));
      } else {
        problems.add(name + " is a special file (FIFO, socket or device), which cannot be shipped");
      }
    }
  }

  private static String cacheKey(Path root, List<Entry> entries) {
    StringBuilder key = new StringBuilder(root.toString()).append('\n');
    for (Entry entry : entries) {
      key.append(entry.name()).append(':').append(entry.size()).append(':').append(entry.modified()).append('\n');
    }
    return key.toString();
  }
}
