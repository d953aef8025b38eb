package io.synapse.plugins.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of the module whose tests are running, read from its own build output
 * ({@code target/classes}, and {@code target/test-classes} when asked), never from the jars on the class
 * path: a rule about "this module" must not judge the runtime's classes, or another module's, that share
 * its {@code io.synapse.plugins} namespace. Surefire runs tests in the module's directory.
 */
public final class ModuleClasses {
  private ModuleClasses() {}

  /**
   * The module's main classes (generated ones included: the processor writes them there); none for a
   * module of tests only.
   */
  public static JavaClasses main() {
    Path classes = Path.of("target", "classes");
    return new ClassFileImporter().importPaths(Files.isDirectory(classes) ? List.of(classes) : List.of());
  }

  /**
   * The module's main classes, or its test classes when it has no main code (a module of tests only).
   *
   * @throws IllegalStateException when the working directory has neither (not a module's test run)
   */
  public static JavaClasses mainOrElseTests() {
    JavaClasses main = main();
    return main.isEmpty() ? read(List.of(Path.of("target", "test-classes"))) : main;
  }

  /**
   * The module's main and test classes.
   *
   * @throws IllegalStateException when the working directory has neither (not a module's test run)
   */
  public static JavaClasses mainAndTests() {
    return read(List.of(Path.of("target", "classes"), Path.of("target", "test-classes")));
  }

  private static JavaClasses read(List<Path> wanted) {
    List<Path> present = new ArrayList<>();
    for (Path directory : wanted) {
      if (Files.isDirectory(directory)) {
        present.add(directory);
      }
    }
    if (present.isEmpty()) {
      throw new IllegalStateException("no build output under " + Path.of("").toAbsolutePath() + " (looked for " + wanted
          + "): run the rules from a module's tests");
    }
    return new ClassFileImporter().importPaths(present);
  }
}
