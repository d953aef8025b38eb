package io.synapse.plugins.cli;

import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a self-contained plugin directory ({@code config.yaml} at the top, {@code lib/} with the
 * plugin jar and its run-time dependencies), or a zip of one, from a built Maven module or a plugin
 * jar. The result is checked by loading it with {@link PluginDiscovery#fromPath} before it is put in
 * place. What is read follows {@link PackageInput}'s rules for links; how the output is written
 * (locked, staged beside it, renamed into place, never through a link) is {@link PackageOutput}'s.
 */
final class PluginPackager {
  /** Jar and zip entries carry this time so that two packagings of the same build give the same bytes. */
  private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01

  private PluginPackager() {}

  /**
   * What was packaged.
   *
   * @param output the directory or zip written
   * @param code the plugin code
   * @param version the plugin version
   * @param libraries the jar names under {@code lib/}
   */
  record Result(Path output, String code, String version, List<String> libraries) {}

  /** Packages {@code input} into {@code output} (a directory, or a zip when it ends with {@code .zip}). */
  static Result pack(Path input, Path output, boolean force) throws IOException {
    return pack(PackageInput.of(input), input, output, force);
  }

  /**
   * Packages compiled classes (a directory holding {@code META-INF/synapse}) or a plugin jar with the given
   * run-time dependency jars, as {@link #pack(Path, Path, boolean)} does for a module whose {@code target/lib}
   * holds them: the same inputs give the same bytes.
   */
  static Result pack(Path classesOrJar, List<Path> dependencies, Path output, boolean force) throws IOException {
    return pack(PackageInput.explicit(classesOrJar, dependencies), classesOrJar, output, force);
  }

  private static Result pack(PackageInput source, Path input, Path output, boolean force) throws IOException {
    Path target = checkedOutput(output, input, source, Path.of("").toAbsolutePath());
    boolean zip = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    Files.createDirectories(target.getParent());
    try (PackageOutput out = PackageOutput.open(target, zip, force)) {
      Path stage = out.newStagingDirectory();
      Path zipFile = null;
      try {
        Result staged = writeDirectory(source, stage);
        verify(stage, staged.code());
        if (zip) {
          zipFile = out.newStagingFile();
          writeZip(stage, zipFile);
          out.publish(zipFile);
        } else {
          out.publish(stage);
        }
        return new Result(output, staged.code(), staged.version(), staged.libraries());
      } finally {
        PackageOutput.deleteTree(stage);
        if (zipFile != null) {
          PackageOutput.deleteTree(zipFile);
        }
      }
    }
  }

  /**
   * {@code output} as the path to create or replace (its parent real, where it exists; the last name
   * as given, since a link there is replaced, never followed), refusing with a usage error what would
   * destroy or swallow something else: a path that names no new entry ({@code .}, {@code ..}, the
   * root), the working directory {@code cwd} or one of its ancestors, the input or one of its
   * ancestors, and a path inside what is being packed.
   */
  static Path checkedOutput(Path output, Path input, PackageInput source, Path cwd) throws IOException {
    Path given = output.getFileName();
    Path absolute = cwd.resolve(output).normalize();
    if (given == null || given.toString().equals(".") || given.toString().equals("..") || absolute.getParent() == null) {
      throw CliException.usage("-o " + output + " names no directory or zip to create; give a new path such as dist/my_plugin");
    }
    Path parent = absolute.getParent();
    Path target = (Files.isDirectory(parent) ? parent.toRealPath() : parent).resolve(absolute.getFileName());
    Path realCwd = cwd.toRealPath();
    if (realCwd.startsWith(target)) {
      throw CliException.usage("-o " + output + " is the current directory or holds it; write elsewhere");
    }
    if (cwd.resolve(input).toRealPath().startsWith(target)) {
      throw CliException.usage("-o " + output + " is (or holds) the plugin being packaged, " + input + "; write elsewhere");
    }
    for (Path packed : source.packed()) {
      if (target.startsWith(packed)) {
        throw CliException.usage("-o " + output + " is inside " + packed + ", which is being packaged; write elsewhere");
      }
    }
    return target;
  }

  /**
   * {@code name} as a zip entry name if it is safe to extract (relative, no {@code ..}, no drive or
   * backslash), which guards against zip-slip in anything that later unpacks the archive.
   *
   * @throws CliException when it is not
   */
  static String safeEntryName(String name) {
    boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
        || Stream.of(name.split("/")).anyMatch(part -> part.equals("..") || part.equals("."));
    if (unsafe) {
      throw new CliException(ExitCodes.EXECUTION, "Refusing to write unsafe archive entry '" + name + "'");
    }
    return name;
  }

  /** {@code name} resolved inside {@code directory}, refusing names that would land outside it. */
  static Path resolveInside(Path directory, String name) {
    Path base = directory.toAbsolutePath().normalize();
    Path target = base.resolve(safeEntryName(name)).normalize();
    if (!target.startsWith(base)) {
      throw new CliException(ExitCodes.EXECUTION, "Refusing to write '" + name + "' outside " + directory);
    }
    return target;
  }

  private static Result writeDirectory(PackageInput source, Path stage) throws IOException {
    Files.write(resolveInside(stage, "config.yaml"), source.configYaml(), StandardOpenOption.CREATE_NEW);
    Path lib = Files.createDirectory(resolveInside(stage, "lib"));
    List<String> libraries = new ArrayList<>();
    String pluginJarName = source.code() + "-" + source.version() + ".jar";
    if (source.classes() != null) {
      jarFiles(source.classes(), resolveInside(lib, pluginJarName));
    } else {
      copyNew(source.jar(), resolveInside(lib, pluginJarName));
    }
    libraries.add(pluginJarName);
    for (Path dependency : source.dependencies()) {
      String name = dependency.getFileName().toString();
      if (!libraries.contains(name)) {
        copyNew(dependency, resolveInside(lib, name));
        libraries.add(name);
      }
    }
    return new Result(stage, source.code(), source.version(), List.copyOf(libraries));
  }

  // Reads the checked real path without following a link put there since (O_NOFOLLOW); writes a new file.
  private static void copyNew(Path from, Path to) throws IOException {
    try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
        OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
      in.transferTo(out);
    }
  }

  private static void verify(Path stage, String code) {
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(stage)) {
      if (!plugin.config().code().equals(code)) {
        throw new CliException(ExitCodes.CONFIG, "The packaged plugin loads as '" + plugin.config().code() + "', not '" + code + "'");
      }
    }
  }

  private static void jarFiles(List<PackageInput.InputFile> files, Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Created-By", "synapse package");
    try (OutputStream file = Files.newOutputStream(jar, StandardOpenOption.CREATE_NEW); JarOutputStream out = new JarOutputStream(file)) {
      JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
      manifestEntry.setLastModifiedTime(FIXED_TIME);
      out.putNextEntry(manifestEntry);
      manifest.write(out);
      out.closeEntry();
      for (PackageInput.InputFile each : files) {
        String name = safeEntryName(each.name());
        if (name.equals(JarFile.MANIFEST_NAME)) {
          continue;
        }
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        out.putNextEntry(entry);
        try (InputStream in = Files.newInputStream(each.source(), LinkOption.NOFOLLOW_LINKS)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  private static void writeZip(Path stage, Path zip) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
        LinkOption.NOFOLLOW_LINKS); ZipOutputStream out = new ZipOutputStream(file)) {
      for (Path path : sortedFiles(stage)) {
        String name = safeEntryName(stage.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"));
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        out.putNextEntry(entry);
        Files.copy(path, out);
        out.closeEntry();
      }
    }
  }

  // The staging directory holds only what this run wrote: regular files, no links.
  private static List<Path> sortedFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/'))).toList();
    }
  }
}
