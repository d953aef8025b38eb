package io.synapse.plugins.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime keeps the boundaries {@code docs/architecture.md} draws: its layer table is read from the
 * page and checked against the runtime's classes, so the page and the code cannot drift apart.
 */
class RuntimeBoundariesTest {
  private static final Path PAGE = Path.of("..", "docs", "architecture.md");
  private static final JavaClasses RUNTIME = ModuleClasses.main();
  private static final RuntimeLayers LAYERS = RuntimeLayers.fromPage(PAGE);

  @Test
  void everyPackageIsOnThePageAndEveryNameOnThePageIsAPackage() {
    assertEquals(Set.of(), LAYERS.unlistedPackages(RUNTIME), "runtime packages missing from the layer table of " + PAGE);
    assertEquals(Set.of("names"), LAYERS.unpopulated(RUNTIME),
        "names of the layer table without classes here (only names, the synapse-plugins-names artifact, may be)");
  }

  @Test
  void eachPackageUsesLowerLayersOnly() {
    LAYERS.layering().check(RUNTIME);
  }

  @Test
  void packagesHaveNoCycles() {
    LAYERS.noCycles().check(RUNTIME);
  }

  @Test
  void internalIsTheRuntimesOwn() {
    Boundaries.noForeignInternals("io.synapse.plugins.internal").check(ModuleClasses.mainAndTests());
  }

  @Test
  void everyPackageSaysWhatItIsForAndWhoMayUseIt() {
    Set<String> missing = new TreeSet<>();
    for (JavaClass type : RUNTIME) {
      Path info = Path.of("src", "main", "java").resolve(type.getPackageName().replace('.', '/')).resolve("package-info.java");
      if (!Files.isRegularFile(info)) {
        missing.add(type.getPackageName());
      }
    }
    assertEquals(Set.of(), missing, "packages without a package-info.java");
  }

  @Test
  void thePageListsEveryModuleOfTheBuild() throws IOException {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    List<String> modules = new ArrayList<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
    while (module.find()) {
      modules.add(module.group(1));
    }
    assertTrue(modules.size() > 5, "modules of ../pom.xml: " + modules);
    String page = Files.readString(PAGE);
    List<String> unlisted = modules.stream().filter(m -> !page.contains("| `" + m + "/`")).toList();
    assertEquals(List.of(), unlisted, "modules missing from the module table of " + PAGE);
  }
}
