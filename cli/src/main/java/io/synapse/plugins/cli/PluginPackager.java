package io.synapse.plugins.cli;

import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a self-contained plugin directory ({@code config.yaml} at the top, {@code lib/} with the
 * plugin jar and its run-time dependencies), or a zip of one, from a built Maven module or a plugin
 * jar. The result is checked by loading it with {@link PluginDiscovery#fromPath}.
 */
final class PluginPackager {
  private static final Pattern CONFIG_ENTRY = Pattern.compile("META-INF/synapse/([^/]+)/config\\.yaml");
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
    return pack(Source.of(input), output, force);
  }

  /**
   * Packages compiled classes (a directory holding {@code META-INF/synapse}) or a plugin jar with the given
   * run-time dependency jars, as {@link #pack(Path, Path, boolean)} does for a module whose {@code target/lib}
   * holds them: the same inputs give the same bytes.
   */
  static Result pack(Path classesOrJar, List<Path> dependencies, Path output, boolean force) throws IOException {
    return pack(Source.explicit(classesOrJar, dependencies), output, force);
  }

  private static Result pack(Source source, Path output, boolean force) throws IOException {
    boolean zip = output.getFileName() != null && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    if (Files.exists(output) && !force && (zip || !isEmptyDirectory(output))) {
      throw CliException.usage(output + " already exists; choose another -o or pass --force");
    }
    Path stage = zip ? Files.createTempDirectory("synapse-package-") : output;
    try {
      if (!zip) {
        Files.createDirectories(stage);
        deleteRecursively(stage.resolve("lib"));
      }
      Result staged = writeDirectory(source, stage);
      verify(stage, staged.code());
      if (zip) {
        writeZip(stage, output);
      }
      return new Result(output, staged.code(), staged.version(), staged.libraries());
    } finally {
      if (zip) {
        deleteRecursively(stage);
      }
    }
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

  private static Result writeDirectory(Source source, Path stage) throws IOException {
    Files.write(resolveInside(stage, "config.yaml"), source.configYaml());
    Path lib = Files.createDirectories(resolveInside(stage, "lib"));
    List<String> libraries = new ArrayList<>();
    String pluginJarName = source.code() + "-" + source.version() + ".jar";
    if (source.classes() != null) {
      jarDirectory(source.classes(), resolveInside(lib, pluginJarName));
    } else {
      Files.copy(source.jar(), resolveInside(lib, pluginJarName), StandardCopyOption.REPLACE_EXISTING);
    }
    libraries.add(pluginJarName);
    for (Path dependency : source.dependencies()) {
      String name = dependency.getFileName().toString();
      if (!libraries.contains(name)) {
        Files.copy(dependency, resolveInside(lib, name), StandardCopyOption.REPLACE_EXISTING);
        libraries.add(name);
      }
    }
    return new Result(stage, source.code(), source.version(), List.copyOf(libraries));
  }

  private static void verify(Path stage, String code) {
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(stage)) {
      if (!plugin.config().code().equals(code)) {
        throw new CliException(ExitCodes.CONFIG, "The packaged plugin loads as '" + plugin.config().code() + "', not '" + code + "'");
      }
    }
  }

  private static void jarDirectory(Path classes, Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Created-By", "synapse package");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
      manifestEntry.setLastModifiedTime(FIXED_TIME);
      out.putNextEntry(manifestEntry);
      manifest.write(out);
      out.closeEntry();
      for (Path path : sortedFiles(classes)) {
        String name = safeEntryName(classes.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"));
        if (name.equals(JarFile.MANIFEST_NAME)) {
          continue;
        }
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        out.putNextEntry(entry);
        Files.copy(path, out);
        out.closeEntry();
      }
    }
  }

  private static void writeZip(Path stage, Path zip) throws IOException {
    Path parent = zip.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
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

  private static List<Path> sortedFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/'))).toList();
    }
  }

  private static boolean isEmptyDirectory(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      return !entries.iterator().hasNext();
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  private static List<Path> jarsIn(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  /**
   * What is being packaged: compiled classes or a jar, the config.yaml it holds, and dependencies.
   */
  private record Source(Path classes, Path jar, byte[] configYaml, String code, String version, List<Path> dependencies) {

    static Source explicit(Path classesOrJar, List<Path> dependencies) throws IOException {
      List<Path> sorted = dependencies.stream().sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
      if (Files.isRegularFile(classesOrJar) && classesOrJar.toString().endsWith(".jar")) {
        return fromJar(classesOrJar, sorted);
      }
      if (!Files.isDirectory(classesOrJar.resolve("META-INF").resolve("synapse"))) {
        throw new CliException(ExitCodes.NOT_FOUND, "Nothing to package at " + classesOrJar
            + ": expected compiled classes with META-INF/synapse or a plugin jar");
      }
      return fromClasses(classesOrJar, sorted);
    }

    static Source of(Path input) throws IOException {
      if (Files.isRegularFile(input) && input.toString().endsWith(".jar")) {
        return fromJar(input, List.of());
      }
      if (!Files.isDirectory(input)) {
        throw new CliException(ExitCodes.NOT_FOUND, "Nothing to package at " + input
            + ": expected a built Maven module directory or a plugin jar");
      }
      Path target = input.resolve("target");
      List<Path> dependencies = new ArrayList<>(jarsIn(target.resolve("lib")));
      dependencies.addAll(jarsIn(target.resolve("dependency")));
      Path classes = target.resolve("classes");
      if (Files.isDirectory(classes.resolve("META-INF").resolve("synapse"))) {
        return fromClasses(classes, dependencies);
      }
      for (Path jar : jarsIn(target)) {
        String name = jar.getFileName().toString();
        if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar")) {
          return fromJar(jar, dependencies);
        }
      }
      throw new CliException(ExitCodes.NOT_FOUND, "Nothing to package at " + input
          + ": no target/classes with META-INF/synapse and no plugin jar in target/ (build the module first)");
    }

    private static Source fromClasses(Path classes, List<Path> dependencies) throws IOException {
      List<Path> configs = new ArrayList<>();
      try (DirectoryStream<Path> codes = Files.newDirectoryStream(classes.resolve("META-INF").resolve("synapse"))) {
        for (Path code : codes) {
          if (Files.isRegularFile(code.resolve("config.yaml"))) {
            configs.add(code.resolve("config.yaml"));
          }
        }
      }
      Path config = single(configs, classes);
      byte[] yaml = Files.readAllBytes(config);
      return new Source(classes, null, yaml, config.getParent().getFileName().toString(), versionOf(yaml), dependencies);
    }

    private static Source fromJar(Path jar, List<Path> dependencies) throws IOException {
      try (JarFile file = new JarFile(jar.toFile())) {
        List<JarEntry> configs = file.stream().filter(e -> CONFIG_ENTRY.matcher(e.getName()).matches()).toList();
        if (configs.size() != 1) {
          throw noSingleConfig(configs.size(), jar);
        }
        byte[] yaml;
        try (InputStream in = file.getInputStream(configs.get(0))) {
          yaml = in.readAllBytes();
        }
        Matcher matcher = CONFIG_ENTRY.matcher(configs.get(0).getName());
        matcher.matches();
        return new Source(null, jar, yaml, matcher.group(1), versionOf(yaml), dependencies);
      }
    }

    private static Path single(List<Path> configs, Path where) {
      if (configs.size() != 1) {
        throw noSingleConfig(configs.size(), where);
      }
      return configs.get(0);
    }

    private static CliException noSingleConfig(int found, Path where) {
      return found == 0
          ? new CliException(ExitCodes.NOT_FOUND, "No META-INF/synapse/<code>/config.yaml in " + where
              + " (was it compiled with the Synapse annotation processor?)")
          : new CliException(ExitCodes.CONFIG, where + " holds " + found + " plugins; package one plugin at a time");
    }

    private static String versionOf(byte[] yaml) {
      Object parsed = Json.parseYaml(new String(yaml, java.nio.charset.StandardCharsets.UTF_8), "config.yaml");
      if (parsed instanceof Map<?, ?> map && map.get("version") != null) {
        return String.valueOf(map.get("version")).replaceAll("[^A-Za-z0-9._\\-]", "_");
      }
      return "0";
    }
  }
}
