package io.synapse.plugins.kits.support;

import io.synapse.plugins.kits.internal.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The regular files under some directories with their SHA-1, to check that a rollback left them as they were. */
public final class Trees {
  private Trees() {}

  /** Every regular file under {@code roots} (as {@code root-index:relative path}) with its hash, minus paths containing an excluded part. */
  public static SortedMap<String, String> snapshot(List<Path> roots, String... excluded) {
    SortedMap<String, String> files = new TreeMap<>();
    try {
      for (int i = 0; i < roots.size(); i++) {
        Path root = roots.get(i);
        if (!Files.isDirectory(root)) {
          continue;
        }
        for (Path file : FileTrees.files(root)) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          boolean skip = false;
          for (String part : excluded) {
            skip |= relative.contains(part);
          }
          if (!skip) {
            files.put(i + ":" + relative, FileTrees.sha1(file));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
