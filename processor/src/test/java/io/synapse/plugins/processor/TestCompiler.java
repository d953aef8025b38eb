package io.synapse.plugins.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles fixtures with the processor, against the real runtime and jakarta.validation-api. */
final class TestCompiler {
  private TestCompiler() {}

  /** The class path fixtures compile against: the jars (or directories) holding the runtime and jakarta. */
  static List<File> classpath() {
    List<File> files = new ArrayList<>();
    for (String name : List.of("io.synapse.plugins.Plugin", "jakarta.validation.constraints.NotNull")) {
      try {
        files.add(new File(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (ClassNotFoundException | URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return files;
  }

  /** Compiles {@code sources} with the processor. */
  static Compilation compile(JavaFileObject... sources) {
    return compileWithOptions(List.of(), sources);
  }

  /** Compiles {@code sources} with the processor and extra javac options (such as {@code -Akey=value}). */
  static Compilation compileWithOptions(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:all,-processing", "--release", "17"));
    all.addAll(options);
    return javac()
        .withProcessors(new SynapseProcessor())
        .withClasspath(classpath())
        .withOptions(all)
        .compile(sources);
  }

  /** A source from its text; its name is taken from the package and first public type. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** Every fixture under {@code src/test/resources/fixtures/<dir>}. */
  static JavaFileObject[] fixture(String dir) {
    URL url = TestCompiler.class.getClassLoader().getResource("fixtures/" + dir);
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.sorted()
          .map(file -> {
            try {
              return JavaFileObjects.forResource(file.toUri().toURL());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .toArray(JavaFileObject[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
