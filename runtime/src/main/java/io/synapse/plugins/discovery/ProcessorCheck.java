package io.synapse.plugins.discovery;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.spi.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a plugin compiled without the Synapse annotation processor from a directory or jar that holds no
 * plugin at all, by reading class files as bytes (no class is loaded): a class compiled from a source
 * annotated {@code @PluginAction} or {@code @Plugin} keeps the annotation in its class file (the
 * annotations have {@code CLASS} retention), while the registry list {@code META-INF/services/io.synapse.plugins.spi.PluginRegistry} exists only
 * when the processor ran. Discovery uses it to explain a missing registry; build tools can call it on a
 * module's {@code target/classes} after compiling.
 */
public final class ProcessorCheck {
  /** The resource the processor writes for every plugin, listing its generated registry. */
  public static final String REGISTRY_LIST = "META-INF/services/" + PluginRegistry.class.getName();

  /** What to do about it, as one clause. */
  public static final String FIX = "put io.synapse.plugins:synapse-plugins-processor on the compiler's annotation processor path"
      + " (Maven: maven-compiler-plugin's <annotationProcessorPaths>; Gradle: the annotationProcessor configuration),"
      + " leave out -proc:none, and rebuild";

  // The class-file constants naming the annotations: CONSTANT_Utf8 (tag 1), a two-byte length, the descriptor.
  private static final byte[][] MARKERS = {utf8Constant(PluginAction.class), utf8Constant(Plugin.class)};
  // A hint must stay cheap on any input: bounded entries, class size and names kept.
  private static final int MAX_ENTRIES = 100_000;
  private static final long MAX_CLASS_BYTES = 4L << 20;
  private static final int MAX_NAMES = 1_000;
  private static final int MAX_DEPTH = 64;
  private static final int NAMES_SHOWN = 3;

  private ProcessorCheck() {}

  /** Whether {@code root} (a classes directory or a jar) holds the generated registry list. */
  public static boolean hasRegistry(Path root) {
    if (Files.isDirectory(root)) {
      return Files.isRegularFile(root.resolve(REGISTRY_LIST));
    }
    try (ZipFile zip = new ZipFile(root.toFile())) {
      return zip.getEntry(REGISTRY_LIST) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The classes under {@code root} (a classes directory or a jar) compiled from sources annotated
   * {@code @PluginAction} or {@code @Plugin}, sorted (a {@code package-info} as {@code package <name>}).
   * Unreadable entries are passed over: the answer is a hint, never an error of its own.
   */
  public static List<String> annotatedClasses(Path root) {
    TreeSet<String> names = new TreeSet<>();
    try {
      if (Files.isDirectory(root)) {
        scanDirectory(root, names);
      } else if (Files.isRegularFile(root)) {
        scanJar(root, names);
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      // what was found so far still helps
    }
    return List.copyOf(names);
  }

  /**
   * The sentence explaining that {@code annotated} (from {@link #annotatedClasses}) were compiled without
   * the processor, with the fix.
   */
  public static String explain(List<String> annotated) {
    List<String> shown = annotated.subList(0, Math.min(NAMES_SHOWN, annotated.size()));
    String names = String.join(", ", shown) + (annotated.size() > shown.size() ? " and " + (annotated.size() - shown.size()) + " more" : "");
    return names + (annotated.size() == 1 ? " is" : " are") + " annotated @PluginAction or @Plugin but no plugin registry was"
        + " generated, so the plugin was compiled without the Synapse annotation processor: " + FIX;
  }

  private static void scanDirectory(Path root, TreeSet<String> names) throws IOException {
    try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
      List<Path> classes = files.limit(MAX_ENTRIES).filter(ProcessorCheck::isClassFile).sorted().toList();
      for (Path file : classes) {
        if (names.size() >= MAX_NAMES) {
          return;
        }
        if (Files.size(file) <= MAX_CLASS_BYTES && isAnnotated(Files.readAllBytes(file))) {
          names.add(className(root.relativize(file).toString().replace('\\', '/')));
        }
      }
    }
  }

  private static void scanJar(Path jar, TreeSet<String> names) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      for (int i = 0; i < MAX_ENTRIES && entries.hasMoreElements() && names.size() < MAX_NAMES; i++) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().endsWith(".class") || entry.getSize() > MAX_CLASS_BYTES) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          if (isAnnotated(in.readNBytes((int) MAX_CLASS_BYTES))) {
            names.add(className(entry.getName()));
          }
        }
      }
    }
  }

  private static boolean isClassFile(Path file) {
    return file.getFileName() != null && file.getFileName().toString().endsWith(".class") && Files.isRegularFile(file);
  }

  private static String className(String entry) {
    String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    return name.endsWith(".package-info") ? "package " + name.substring(0, name.length() - ".package-info".length()) : name;
  }

  static boolean isAnnotated(byte[] classFile) {
    for (byte[] marker : MARKERS) {
      if (indexOf(classFile, marker) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] utf8Constant(Class<?> annotation) {
    byte[] descriptor = ("L" + annotation.getName().replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8);
    byte[] constant = new byte[descriptor.length + 3];
    constant[0] = 1;
    constant[1] = (byte) (descriptor.length >> 8);
    constant[2] = (byte) descriptor.length;
    System.arraycopy(descriptor, 0, constant, 3, descriptor.length);
    return constant;
  }

  /**
   * The hint for a plugin looked up on {@code loader}'s class path by code or package and not found
   * (empty when there is nothing to add): a package whose classes are there without a registry was
   * compiled without the processor; no registry at all means none of the plugin's jars or classes are
   * on the class path, or they were built without the processor.
   */
  public static String classPathHint(String codeOrPackage, ClassLoader loader, boolean anyRegistry) {
    for (Path root : rootsOfPackage(codeOrPackage, loader)) {
      if (!hasRegistry(root)) {
        List<String> annotated = annotatedClasses(root);
        return annotated.isEmpty()
            ? " Package " + codeOrPackage + " is on the class path (" + root + ") but no plugin registry was generated for it:"
                + " if it holds @PluginAction classes, " + FIX + "."
            : " In " + root + ", " + explain(annotated) + ".";
      }
    }
    return anyRegistry ? "" : " No generated plugin registry (" + REGISTRY_LIST + ") is on the class path at all: put the plugin's"
        + " jar or target/classes on it, and if it is there, it was compiled without the Synapse annotation processor: " + FIX + ".";
  }

  /** The classes directory or jar a class-path resource URL comes from, or null when it cannot be told. */
  private static Path rootOf(java.net.URL resource, String resourceName) {
    try {
      String text = resource.toString();
      if (text.startsWith("jar:file:") && text.contains("!/")) {
        return Path.of(new java.net.URI(text.substring(4, text.indexOf("!/"))));
      }
      if (text.startsWith("file:")) {
        Path path = Path.of(resource.toURI());
        for (int i = resourceName.split("/").length; i > 0 && path != null; i--) {
          path = path.getParent();
        }
        return path;
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The roots holding package {@code packageName} on {@code loader}'s class path, in class path order. */
  private static List<Path> rootsOfPackage(String packageName, ClassLoader loader) {
    List<Path> roots = new ArrayList<>();
    if (!packageName.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
      return roots;
    }
    String resource = packageName.replace('.', '/');
    try {
      Enumeration<java.net.URL> urls = loader.getResources(resource);
      while (urls.hasMoreElements() && roots.size() < NAMES_SHOWN) {
        Path root = rootOf(urls.nextElement(), resource);
        if (root != null && !roots.contains(root)) {
          roots.add(root);
        }
      }
    } catch (IOException | RuntimeException e) {
      return roots;
    }
    return roots;
  }
}
