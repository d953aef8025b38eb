package io.synapse.plugins.cli;

import io.synapse.plugins.discovery.ProcessorCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code synapse package} packs: a built module's compiled classes (or its plugin jar), the
 * {@code config.yaml} they hold, and its run-time dependency jars.
 *
 * <p>Symbolic links in a module are followed only while they stay inside it (its directory or its
 * {@code target/} directory, wherever that really is): a link that leaves the module, a dangling link,
 * a link loop and a special file (a FIFO, a device, a socket) make packaging fail with an error naming
 * them, so that nothing outside the module is packed by accident or by a planted link. A plugin jar
 * named directly on the command line is read wherever it lives.
 *
 * @param classes the files of {@code target/classes} (real path and entry name, sorted), or null for a jar
 * @param jar the plugin jar (its real path), or null for classes
 * @param configYaml the plugin's config.yaml
 * @param code the plugin code
 * @param version the plugin version (safe as a file name part)
 * @param dependencies the real paths of the dependency jars, sorted by name
 * @param packed the real paths everything is read from (directories and files), to keep the output out of them
 */
record PackageInput(List<InputFile> classes, Path jar, byte[] configYaml, String code, String version, List<Path> dependencies,
    List<Path> packed) {

  private static final Pattern CONFIG_ENTRY = Pattern.compile("META-INF/synapse/([^/]+)/config\\.yaml");

  /**
   * One file to pack.
   *
   * @param source its real path, checked to be inside the module
   * @param name its entry name, from the path inside {@code target/classes} (links keep their own name)
   */
  record InputFile(Path source, String name) {}

  /** Reads what {@code input} (a module directory or a plugin jar) holds. */
  static PackageInput of(Path input) throws IOException {
    if (Files.isRegularFile(input) && input.toString().endsWith(".jar")) {
      Path jar = input.toRealPath();
      return fromJar(jar, List.of(), List.of(jar));
    }
    if (!Files.isDirectory(input)) {
      throw new CliException(ExitCodes.NOT_FOUND, "Nothing to package at " + input
          + ": expected a built Maven module directory or a plugin jar");
    }
    Module module = new Module(input);
    Path target = input.resolve("target");
    List<Path> packed = new ArrayList<>();
    List<Path> dependencies = new ArrayList<>(module.jarsIn(target.resolve("lib"), packed));
    dependencies.addAll(module.jarsIn(target.resolve("dependency"), packed));
    Path classes = target.resolve("classes");
    if (Files.isDirectory(classes.resolve("META-INF").resolve("synapse"))) {
      Path realClasses = module.checked(classes);
      packed.add(realClasses);
      return fromClasses(module.filesUnder(realClasses), realClasses, dependencies, packed);
    }
    for (Path jar : module.jarsIn(target, new ArrayList<>())) {
      String name = jar.getFileName().toString();
      if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar")) {
        packed.add(jar);
        return fromJar(jar, dependencies, packed);
      }
    }
    List<String> annotated = Files.isDirectory(classes) ? ProcessorCheck.annotatedClasses(classes) : List.of();
    throw new CliException(ExitCodes.NOT_FOUND, "Nothing to package at " + input + ": "
        + (annotated.isEmpty()
            ? "no target/classes with META-INF/synapse and no plugin jar in target/ (build the module first)"
            : "target/classes has no META-INF/synapse: " + ProcessorCheck.explain(annotated)));
  }

  /**
   * What a build tool names itself: compiled classes (a directory holding {@code META-INF/synapse}; links in it
   * are followed only while they stay inside it) or a plugin jar, and the run-time dependency jars it resolved,
   * read wherever they are, as a plugin jar named on the command line is.
   */
  static PackageInput explicit(Path classesOrJar, List<Path> dependencyJars) throws IOException {
    List<Path> dependencies = new ArrayList<>();
    for (Path jar : dependencyJars) {
      dependencies.add(jar.toRealPath());
    }
    dependencies.sort(Comparator.comparing(path -> path.getFileName().toString()));
    List<Path> packed = new ArrayList<>(dependencies);
    if (Files.isRegularFile(classesOrJar) && classesOrJar.toString().endsWith(".jar")) {
      Path jar = classesOrJar.toRealPath();
      packed.add(jar);
      return fromJar(jar, dependencies, packed);
    }
    if (!Files.isDirectory(classesOrJar.resolve("META-INF").resolve("synapse"))) {
      throw new CliException(ExitCodes.NOT_FOUND, "Nothing to package at " + classesOrJar
          + ": expected compiled classes with META-INF/synapse or a plugin jar");
    }
    Module classes = new Module(classesOrJar);
    Path realClasses = classes.checked(classesOrJar);
    packed.add(realClasses);
    return fromClasses(classes.filesUnder(realClasses), realClasses, dependencies, packed);
  }

  private static PackageInput fromClasses(List<InputFile> files, Path classes, List<Path> dependencies, List<Path> packed)
      throws IOException {
    List<InputFile> configs = files.stream().filter(file -> CONFIG_ENTRY.matcher(file.name()).matches()).toList();
    if (configs.size() != 1) {
      throw noSingleConfig(configs.size(), classes);
    }
    Matcher matcher = CONFIG_ENTRY.matcher(configs.get(0).name());
    matcher.matches();
    byte[] yaml = Files.readAllBytes(configs.get(0).source());
    return new PackageInput(files, null, yaml, matcher.group(1), versionOf(yaml), List.copyOf(dependencies), List.copyOf(packed));
  }

  private static PackageInput fromJar(Path jar, List<Path> dependencies, List<Path> packed) throws IOException {
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
      return new PackageInput(null, jar, yaml, matcher.group(1), versionOf(yaml), List.copyOf(dependencies), List.copyOf(packed));
    }
  }

  private static CliException noSingleConfig(int found, Path where) {
    List<String> annotated = found == 0 ? ProcessorCheck.annotatedClasses(where) : List.of();
    return found == 0
        ? new CliException(ExitCodes.NOT_FOUND, "No META-INF/synapse/<code>/config.yaml in " + where
            + (annotated.isEmpty() ? " (was it compiled with the Synapse annotation processor?)" : ": " + ProcessorCheck.explain(annotated)))
        : new CliException(ExitCodes.CONFIG, where + " holds " + found + " plugins; package one plugin at a time");
  }

  private static String versionOf(byte[] yaml) {
    Object parsed = Json.parseYaml(new String(yaml, StandardCharsets.UTF_8), "config.yaml");
    if (parsed instanceof Map<?, ?> map && map.get("version") != null) {
      return String.valueOf(map.get("version")).replaceAll("[^A-Za-z0-9._\\-]", "_");
    }
    return "0";
  }

  /** A module directory and the rule for links inside it. */
  private static final class Module {
    private final Path directory;
    private final List<Path> roots = new ArrayList<>();

    Module(Path directory) throws IOException {
      this.directory = directory;
      roots.add(directory.toRealPath());
      Path target = directory.resolve("target");
      if (Files.isDirectory(target)) {
        // A target/ that is itself a link (a build directory on another disk) belongs to the module.
        roots.add(target.toRealPath());
      }
    }

    /** The real path of {@code path}, refusing a link that leaves the module, a dangling link and special files. */
    Path checked(Path path) throws IOException {
      Path real;
      try {
        real = path.toRealPath();
      } catch (NoSuchFileException e) {
        throw refused(path, "is a symbolic link to nothing");
      }
      if (roots.stream().noneMatch(real::startsWith)) {
        throw refused(path, "is a symbolic link that leaves the module (to " + real + ")");
      }
      BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isOther()) {
        throw refused(path, "is a special file (a FIFO, device or socket), not a class or resource");
      }
      return real;
    }

    /** The jars directly in {@code dir} (real paths, sorted by name); none when it does not exist. */
    List<Path> jarsIn(Path dir, List<Path> packed) throws IOException {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      Path realDir = checked(dir);
      packed.add(realDir);
      List<Path> names = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(realDir, "*.jar")) {
        entries.forEach(names::add);
      }
      names.sort(Comparator.comparing(path -> path.getFileName().toString()));
      List<Path> jars = new ArrayList<>();
      for (Path jar : names) {
        Path real = checked(jar);
        if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
          jars.add(real);
        }
      }
      return jars;
    }

    /** Every file under {@code root}, following links that stay inside the module, sorted by entry name. */
    List<InputFile> filesUnder(Path root) throws IOException {
      List<InputFile> files = new ArrayList<>();
      collect(root, "", files, new HashSet<>());
      files.sort(Comparator.comparing(InputFile::name));
      return files;
    }

    private void collect(Path realDir, String prefix, List<InputFile> files, Set<Path> onPath) throws IOException {
      if (!onPath.add(realDir)) {
        throw refused(realDir, "is reached again through a symbolic link (a link loop)");
      }
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(realDir)) {
        stream.forEach(entries::add);
      }
      for (Path entry : entries) {
        String name = prefix + entry.getFileName();
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Path real = attributes.isSymbolicLink() || attributes.isOther() ? checked(entry) : entry;
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
          collect(real, name + "/", files, onPath);
        } else if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
          files.add(new InputFile(real, name));
        }
      }
      onPath.remove(realDir);
    }

    private CliException refused(Path path, String problem) {
      return new CliException(ExitCodes.EXECUTION, "Refusing to package " + path + ": it " + problem
          + "; packaging reads only the module " + directory + " (copy the file into it instead)");
    }
  }
}
