package io.synapse.plugins.robustness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The hand-written test plugin ({@code io.synapse.plugins.fixture}) compiled again under another
 * package, {@value #PACKAGE}, that is on no class path: loaded from the directory this writes, its
 * classes are defined by the plugin's own class loader (lazily, as a run first needs them), as they
 * are for a user's plugin. Its greet action pauses for a millisecond and then loads one more class
 * of its own, which widens the window in which a class loader closed under a run would break it.
 */
final class IsolatedPlugin {
  static final String PACKAGE = "isolated.fixture";
  private static final Path FIXTURE_SOURCES = Path.of("src", "test", "java", "io", "synapse", "plugins", "fixture");

  private IsolatedPlugin() {}

  private static String withLateClassLoad(String source) {
    String pause = "STARTED.incrementAndGet();\n    try {\n      Thread.sleep(1);\n    } catch (InterruptedException e) {\n"
        + "      Thread.currentThread().interrupt();\n    }\n    Late.touch();\n";
    String late = "  static final class Late {\n    static void touch() {}\n  }\n}\n";
    String text = source.replace("STARTED.incrementAndGet();\n", pause);
    return text.substring(0, text.lastIndexOf('}')) + late;
  }

  /** Writes {@code dir/config.yaml} and {@code dir/lib/plugin.jar}; returns {@code dir}. */
  static Path write(Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("build/src"));
    Path classes = Files.createDirectories(dir.resolve("build/classes"));
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        "-proc:none", "-nowarn", "-Xlint:none"));
    try (Stream<Path> files = Files.list(FIXTURE_SOURCES)) {
      for (Path source : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(source).replace("io.synapse.plugins.fixture", PACKAGE);
        if (source.getFileName().toString().equals("GreetAction.java")) {
          text = withLateClassLoad(text);
        }
        Path copy = Files.writeString(sources.resolve(source.getFileName()), text);
        arguments.add(copy.toString());
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new AssertionError("these tests need a JDK (javax.tools), not a JRE");
    }
    int status = javac.run(null, null, null, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new AssertionError("javac failed to compile the isolated fixture (status " + status + ")");
    }
    Files.createDirectories(dir.resolve("lib"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("lib/plugin.jar"));
        JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(file));
        jar.closeEntry();
      }
      jar.putNextEntry(new JarEntry("META-INF/services/io.synapse.plugins.spi.PluginRegistry"));
      jar.write((PACKAGE + ".TestPluginRegistry\n").getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    Files.writeString(dir.resolve("config.yaml"), "name: Test Plugin\ncode: test_plugin\nversion: 1.0.0\ncategory: custom\n"
        + "actions:\n  greet:\n    name: Greet\n    entrypoint: " + PACKAGE + ".GreetAction\n  fail:\n    name: Fail\n");
    return dir;
  }
}
