package io.synapse.plugins.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** The files a compilation generated, by path relative to their output root. */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /** Generated sources and resources (not class files), by relative path. */
  static Map<String, byte[]> sourcesAndResources(Compilation compilation) {
    Map<String, byte[]> files = new TreeMap<>();
    all(compilation).forEach((path, bytes) -> {
      if (!path.endsWith(".class")) {
        files.put(path, bytes);
      }
    });
    return files;
  }

  /** Every generated file, class files included, by relative path. */
  static Map<String, byte[]> all(Compilation compilation) {
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String name = file.toUri().getPath();
      String relative = name.replaceFirst("^.*?/(SOURCE_OUTPUT|CLASS_OUTPUT)/", "");
      try (InputStream in = file.openInputStream()) {
        files.put(relative, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** Writes every generated file under {@code dir}, for a class loader to load. */
  static Path writeAll(Compilation compilation, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> file : all(compilation).entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    return dir;
  }
}
