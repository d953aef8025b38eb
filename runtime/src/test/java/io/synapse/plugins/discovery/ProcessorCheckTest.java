package io.synapse.plugins.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.internal.ProcessorMissingCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin compiled without the Synapse processor: javac stops it when the runtime jar is on the class
 * path and no processor path is given (the check the runtime jar carries), and discovery names the cause
 * when such classes are loaded anyway (from a path or from the class path).
 */
class ProcessorCheckTest {
  private static final String PACKAGE = "noproc.demo";

  @TempDir Path temp;

  /** What javac said, and whether it succeeded. */
  record Javac(boolean success, List<javax.tools.Diagnostic<? extends JavaFileObject>> diagnostics, String output) {
    List<javax.tools.Diagnostic<? extends JavaFileObject>> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).toList();
    }
  }

  private Path writeSources(boolean annotated) throws IOException {
    Path src = Files.createDirectories(temp.resolve("src").resolve(PACKAGE.replace('.', '/')));
    if (annotated) {
      Files.writeString(src.resolve("package-info.java"),
          "@io.synapse.plugins.Plugin(code = \"demo\", name = \"Demo\", version = \"1\")\npackage " + PACKAGE + ";\n");
      Files.writeString(src.resolve("TrainParams.java"), "package " + PACKAGE + ";\npublic record TrainParams(int epochs) {}\n");
      Files.writeString(src.resolve("Train.java"), "package " + PACKAGE + ";\n"
          + "import io.synapse.plugins.PluginAction;\n"
          + "@PluginAction(name = \"train\")\n"
          + "public final class Train extends io.synapse.plugins.action.BaseAction<TrainParams, String> {\n"
          + "  @Override public String execute() { return \"ok\"; }\n}\n");
      Files.writeString(src.resolve("Evaluate.java"), "package " + PACKAGE + ";\n"
          + "@io.synapse.plugins.PluginAction(name = \"evaluate\")\n"
          + "public final class Evaluate extends io.synapse.plugins.action.BaseAction<TrainParams, String> {\n"
          + "  @Override public String execute() { return \"ok\"; }\n}\n");
    } else {
      Files.writeString(src.resolve("Helper.java"), "package " + PACKAGE + ";\npublic final class Helper {}\n");
    }
    return temp.resolve("src");
  }

  // The runtime's own classes (target/classes, with its META-INF/services), as a plugin's build sees the jar.
  private static Path runtimeClasses() {
    try {
      return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Javac javac(Path sources, Path classes, String... options) throws IOException {
    return javac(sources, classes, null, options);
  }

  // processors == null: javac finds them on the class path, as a build without a processor path does.
  private Javac javac(Path sources, Path classes, List<javax.annotation.processing.Processor> processors, String... options)
      throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new AssertionError("these tests need a JDK (javax.tools), not a JRE");
    }
    Files.createDirectories(classes);
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
        "-classpath", runtimeClasses().toString()));
    arguments.addAll(List.of(options));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(sources)) {
      List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      JavaCompiler.CompilationTask task = compiler.getTask(output, files, diagnostics, arguments, null,
          files.getJavaFileObjectsFromPaths(javaFiles));
      if (processors != null) {
        task.setProcessors(processors);
      }
      boolean ok = task.call();
      return new Javac(ok, diagnostics.getDiagnostics(), output.toString());
    }
  }

  @Test
  void javacWithTheRuntimeOnTheClassPathAndNoProcessorFailsWithOneErrorOnThePlugin() throws IOException {
    Javac javac = javac(writeSources(true), temp.resolve("classes"));
    assertFalse(javac.success(), javac.diagnostics().toString());
    assertEquals(1, javac.errors().size(), javac.diagnostics().toString());
    javax.tools.Diagnostic<? extends JavaFileObject> error = javac.errors().get(0);
    String message = error.getMessage(null);
    assertTrue(message.startsWith(ProcessorMissingCheck.ID + " this module declares a plugin (1 @Plugin, 2 @PluginAction)"), message);
    assertTrue(message.contains("<annotationProcessorPaths>"), message);
    assertTrue(message.contains("-Asynapse.processorCheck=off"), message);
    assertTrue(error.getSource().getName().endsWith("package-info.java"), error.getSource().getName());
  }

  @Test
  void theCheckIsQuietWithoutPluginAnnotationsAndWhenTurnedOff() throws IOException {
    Javac plain = javac(writeSources(false), temp.resolve("plain"));
    assertTrue(plain.success(), plain.diagnostics().toString());
    assertTrue(plain.diagnostics().isEmpty(), plain.diagnostics().toString());

    Javac off = javac(writeSources(true), temp.resolve("off"), "-Asynapse.processorCheck=off");
    assertTrue(off.success(), off.diagnostics().toString());
    assertTrue(off.diagnostics().isEmpty(), off.diagnostics().toString());

    Javac none = javac(temp.resolve("src"), temp.resolve("none"), "-proc:none");
    assertTrue(none.success(), none.diagnostics().toString());
  }

  @Test
  void theCheckIsQuietWhenAGeneratorWritesSynapseGeneratedSources() throws IOException {
    // Stands in for the processor (which this module cannot use): it writes one generated source, as the
    // processor writes its registry; the check, run beside it, sees the marker and stays quiet.
    Javac javac = javac(writeSources(true), temp.resolve("gen"), List.of(new ProcessorMissingCheck(), new MarkerWriter(false)));
    assertTrue(javac.success(), javac.diagnostics().toString());
    assertTrue(javac.diagnostics().isEmpty(), javac.diagnostics().toString());
  }

  @Test
  void theCheckAddsNothingToAnotherProcessorsErrors() throws IOException {
    Javac javac = javac(writeSources(true), temp.resolve("err"), List.of(new ProcessorMissingCheck(), new MarkerWriter(true)));
    assertFalse(javac.success());
    assertEquals(List.of("[Test/Failed] the stand-in processor failed"),
        javac.errors().stream().map(d -> d.getMessage(null)).toList());
  }

  @Test
  void theCheckRunsWhenGivenExplicitlyToo() throws IOException {
    Javac javac = javac(writeSources(true), temp.resolve("explicit"), List.of(new ProcessorMissingCheck()));
    assertEquals(1, javac.errors().size(), javac.diagnostics().toString());
    assertTrue(javac.errors().get(0).getMessage(null).startsWith(ProcessorMissingCheck.ID), javac.diagnostics().toString());
  }

  /** Writes one source annotated @SynapseGenerated in its first round, or reports an error instead. */
  @javax.annotation.processing.SupportedAnnotationTypes("io.synapse.plugins.PluginAction")
  static final class MarkerWriter extends javax.annotation.processing.AbstractProcessor {
    private final boolean fail;
    private boolean done;

    MarkerWriter(boolean fail) {
      this.fail = fail;
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      if (done || annotations.isEmpty()) {
        return false;
      }
      done = true;
      if (fail) {
        processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR, "[Test/Failed] the stand-in processor failed");
        return false;
      }
      try (java.io.Writer out = processingEnv.getFiler().createSourceFile(PACKAGE + ".DemoRegistry").openWriter()) {
        out.write("package " + PACKAGE + ";\n@io.synapse.plugins.spi.SynapseGenerated(from = \"test\")\nfinal class DemoRegistry {}\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return false;
    }
  }

  private Path classesWithoutProcessor() throws IOException {
    Path classes = temp.resolve("target/classes");
    Javac javac = javac(writeSources(true), classes, "-proc:none");
    assertTrue(javac.success(), javac.diagnostics().toString());
    return classes;
  }

  private static void assertNamesTheProcessor(PluginNotFoundError error) {
    String message = error.getMessage();
    assertTrue(message.contains(PACKAGE + ".Evaluate, " + PACKAGE + ".Train, package " + PACKAGE
        + " are annotated @PluginAction or @Plugin but no plugin registry was generated"), message);
    assertTrue(message.contains("compiled without the Synapse annotation processor: " + ProcessorCheck.FIX), message);
    assertEquals("processor_missing", error.details().get("cause"));
    assertEquals(List.of(PACKAGE + ".Evaluate", PACKAGE + ".Train", "package " + PACKAGE), error.details().get("annotated"));
  }

  @Test
  void fromPathOfClassesCompiledWithoutTheProcessorNamesTheCause() throws IOException {
    Path classes = classesWithoutProcessor();
    assertNamesTheProcessor(assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(classes)));
    // The module directory (target/classes inside) and a jar of the same classes say the same.
    assertNamesTheProcessor(assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(temp)));
    Path jar = jar(classes, temp.resolve("plugin.jar"));
    assertNamesTheProcessor(assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(jar)));
    assertFalse(ProcessorCheck.hasRegistry(classes));
    assertFalse(ProcessorCheck.hasRegistry(jar));
  }

  @Test
  void fromPathWithoutAnnotatedClassesSaysSo() throws IOException {
    Path classes = temp.resolve("plain/target/classes");
    assertTrue(javac(writeSources(false), classes).success());
    PluginNotFoundError error = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(temp.resolve("plain")));
    assertTrue(error.getMessage().contains("no class in it is annotated @PluginAction"), error.getMessage());
    assertFalse(error.details().containsKey("cause"));
    // A bare classes directory without a plugin is no plugin directory at all.
    PluginNotFoundError bare = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(classes));
    assertTrue(bare.getMessage().contains("the directory has no config.yaml and no target/classes"), bare.getMessage());
  }

  @Test
  void aClassesDirectoryWithARegistryLoadsAsAPlugin() throws IOException, URISyntaxException {
    Path testClasses = Path.of(io.synapse.plugins.fixture.TestPluginRegistry.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path classes = temp.resolve("copy/classes");
    for (String part : List.of("io/synapse/plugins/fixture", ProcessorCheck.REGISTRY_LIST)) {
      try (Stream<Path> files = Files.walk(testClasses.resolve(part))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path copy = classes.resolve(testClasses.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
    }
    assertTrue(ProcessorCheck.hasRegistry(classes));
    try (PluginDiscovery discovery = PluginDiscovery.fromPath(classes)) {
      assertEquals("test_plugin", discovery.config().code());
    }
  }

  @Test
  void fromModuleOnAClassPathWithoutTheRegistryNamesTheCause() throws IOException {
    Path classes = classesWithoutProcessor();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      PluginNotFoundError byPackage = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromModule(PACKAGE, loader));
      assertTrue(byPackage.getMessage().contains("Plugins on the class path: (none). In " + classes + ", " + PACKAGE + ".Evaluate"),
          byPackage.getMessage());
      assertTrue(byPackage.getMessage().endsWith(ProcessorCheck.FIX + "."), byPackage.getMessage());

      PluginNotFoundError byCode = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromModule("demo", loader));
      assertTrue(byCode.getMessage().contains("No generated plugin registry (" + ProcessorCheck.REGISTRY_LIST
          + ") is on the class path at all"), byCode.getMessage());
    }
    try (URLClassLoader jarLoader = new URLClassLoader(new URL[] {jar(classes, temp.resolve("p.jar")).toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      PluginNotFoundError inJar = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromModule(PACKAGE, jarLoader));
      assertTrue(inJar.getMessage().contains("In " + temp.resolve("p.jar") + ", " + PACKAGE + ".Evaluate"), inJar.getMessage());
    }
  }

  @Test
  void aClassPathThatHasPluginsAddsNoHintForAnUnknownCode() {
    PluginNotFoundError error = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromModule("no_such_plugin"));
    assertTrue(error.getMessage().endsWith("Plugins on the class path: test_plugin."), error.getMessage());
  }

  @Test
  void unreadableInputsGiveAHintNeverAnError() throws IOException {
    Path notAJar = Files.write(temp.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    assertEquals(List.of(), ProcessorCheck.annotatedClasses(notAJar));
    assertEquals(List.of(), ProcessorCheck.annotatedClasses(temp.resolve("missing")));
    Path truncated = Files.createDirectories(temp.resolve("truncated/x"));
    Files.write(truncated.resolve("A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 0});
    Files.writeString(truncated.resolve("B.class"), "\u0001\u0000");
    assertEquals(List.of(), ProcessorCheck.annotatedClasses(temp.resolve("truncated")));
    Path loop = Files.createDirectories(temp.resolve("loop"));
    Files.createSymbolicLink(loop.resolve("self"), loop);
    assertEquals(List.of(), ProcessorCheck.annotatedClasses(loop));
    PluginNotFoundError error = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(notAJar));
    assertTrue(error.getMessage().contains("no class in it is annotated"), error.getMessage());
  }

  private static Path jar(Path classes, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream stream = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      // Directory entries too, as the jar plugin writes them: they are what finds a package in a jar.
      for (Path file : files.filter(f -> !f.equals(classes)).sorted().toList()) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        stream.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
        if (Files.isRegularFile(file)) {
          stream.write(Files.readAllBytes(file));
        }
        stream.closeEntry();
      }
    }
    return jar;
  }
}
