package io.synapse.examples.ray;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin directory whose registry, when anything loads it, writes a witness file: what a forged job's
 * metadata would point a careless waiter at. Compiled at test time so that its class exists only in the
 * directory's jar, never on the test's class path.
 */
final class TrapPlugin {
  private TrapPlugin() {}

  /** Writes the plugin into {@code directory} (config.yaml and lib/trap.jar); loading it creates {@code witness}. */
  static Path write(Path directory, Path witness) throws IOException {
    Path sources = Files.createDirectories(directory.resolveSibling(directory.getFileName() + "-src/trap"));
    String source = "package trap;\n"
        + "public final class TrapRegistry implements io.synapse.plugins.spi.PluginRegistry {\n"
        + "  static {\n"
        + "    try { java.nio.file.Files.writeString(java.nio.file.Path.of(" + quoted(witness.toString()) + "), \"loaded\"); }\n"
        + "    catch (java.io.IOException e) { throw new IllegalStateException(e); }\n"
        + "  }\n"
        + "  public io.synapse.plugins.config.PluginConfig config() {\n"
        + "    return new io.synapse.plugins.config.PluginConfig(\"Trap\", \"trap_plugin\", \"0.1.0\",\n"
        + "        io.synapse.plugins.PluginCategory.CUSTOM, \"\", \"trap\", java.util.List.of());\n"
        + "  }\n"
        + "  public int spiVersion() { return SPI_VERSION; }\n"
        + "  public io.synapse.plugins.spi.ActionDescriptor<?, ?> descriptor(String name) { return null; }\n"
        + "}\n";
    Path file = sources.resolve("TrapRegistry.java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(sources.resolveSibling("classes"));
    int status = javac.run(null, null, null, "-proc:none", "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), file.toString());
    if (status != 0) {
      throw new IllegalStateException("the trap plugin did not compile");
    }
    Path lib = Files.createDirectories(directory.resolve("lib"));
    try (OutputStream out = Files.newOutputStream(lib.resolve("trap.jar")); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("trap/TrapRegistry.class"));
      jar.write(Files.readAllBytes(classes.resolve("trap/TrapRegistry.class")));
      jar.putNextEntry(new JarEntry("META-INF/services/io.synapse.plugins.spi.PluginRegistry"));
      jar.write("trap.TrapRegistry\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(directory.resolve("config.yaml"), String.join("\n", List.of("name: Trap", "code: trap_plugin", "version: 0.1.0",
        "category: custom", "description: ''", "actions: {}", "")));
    return directory;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
