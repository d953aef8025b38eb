package io.synapse.plugins.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cycle.a.A;
import com.example.cycle.b.B;
import com.example.ownmodule.internal.Own;
import com.example.plugin.HandWritten;
import com.example.plugin.Holder;
import com.example.plugin.Thing_Binder;
import com.example.plugin.UsesInternals;
import com.example.plugin.UsesOwnInternal;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.synapse.plugins.Mode;
import io.synapse.plugins.ModeCallingTheRunner;
import io.synapse.plugins.Runner;
import io.synapse.plugins.errors.Failure;
import io.synapse.plugins.events.Event;
import io.synapse.plugins.events.UpwardsEvent;
import io.synapse.plugins.internal.Helper;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.Readers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule passes on code that keeps its boundary and fails, naming the offender, on code that crosses it. */
class BoundaryRulesTest {
  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }

  private static String failure(Runnable check) {
    return assertThrows(AssertionError.class, check::run).getMessage();
  }

  @Test
  void generatedCodeIsToldByItsMarkerOfClassRetentionNestedClassesIncluded() {
    JavaClasses imported = new ClassFileImporter().importPackagesOf(Thing_Binder.class);
    assertTrue(Boundaries.GENERATED.test(imported.get(Thing_Binder.class)));
    assertTrue(Boundaries.GENERATED.test(imported.get(Thing_Binder.class.getName() + "$Nested")));
    assertTrue(!Boundaries.GENERATED.test(imported.get(HandWritten.class)));
  }

  @Test
  void theSpiIsForGeneratedCodeAndItsTwoHandles() {
    Boundaries.spiOnlyThroughGeneratedCode().check(classes(Holder.class, Thing_Binder.class, ActionDescriptor.class, Readers.class));
    String message = failure(() -> Boundaries.spiOnlyThroughGeneratedCode().check(classes(HandWritten.class, Readers.class)));
    assertTrue(message.contains(HandWritten.class.getName()) && message.contains(Readers.class.getName()), message);
  }

  @Test
  void aModuleUsesItsOwnInternalsOnly() {
    Boundaries.noForeignInternals("com.example.ownmodule.internal").check(classes(UsesOwnInternal.class, Own.class));
    String message = failure(() -> Boundaries.noForeignInternals("com.example.ownmodule.internal")
        .check(classes(UsesInternals.class, Own.class, Helper.class)));
    assertTrue(message.contains(Helper.class.getName()) && !message.contains("Own.own()"), message);
    assertThrows(AssertionError.class, () -> Boundaries.noForeignInternals().check(classes(UsesOwnInternal.class)),
        "without own internal packages, every internal package is another module's");
  }

  @Test
  void packageCyclesAreFound() {
    Boundaries.packagesFreeOfCycles().check(classes(A.class, Holder.class));
    String message = failure(() -> Boundaries.packagesFreeOfCycles().check(classes(A.class, B.class)));
    assertTrue(message.contains("com.example.cycle.a") && message.contains("com.example.cycle.b"), message);
  }

  private static RuntimeLayers testTable() throws URISyntaxException {
    return RuntimeLayers.fromPage(Path.of(BoundaryRulesTest.class.getResource("/layers-page.md").toURI()));
  }

  @Test
  void theLayersAreReadFromThePage() throws URISyntaxException {
    RuntimeLayers layers = testTable();
    assertEquals(Set.of("io.synapse.plugins", "io.synapse.plugins.errors", "io.synapse.plugins.events"), layers.packages());
    assertEquals(Set.of("io.synapse.plugins.spi"), layers.unlistedPackages(classes(Event.class, Readers.class)));
    assertEquals(Set.of("io.synapse.plugins", "Runner"), layers.unpopulated(classes(Event.class, Failure.class)));
  }

  @Test
  void aLayerUsesLowerLayersOnlyAndTheRootsEntryPointIsALayerOfItsOwn() throws URISyntaxException {
    RuntimeLayers layers = testTable();
    layers.layering().check(classes(Event.class, Failure.class, Mode.class, Runner.class));
    layers.noCycles().check(classes(Event.class, Failure.class, Mode.class, Runner.class));

    String upwards = failure(() -> layers.layering().check(classes(Event.class, UpwardsEvent.class, Failure.class, Mode.class, Runner.class)));
    assertTrue(upwards.contains(UpwardsEvent.class.getName()), upwards);
    String cycle = failure(() -> layers.noCycles().check(classes(Event.class, UpwardsEvent.class, Failure.class)));
    assertTrue(cycle.contains("io.synapse.plugins.events") && cycle.contains("io.synapse.plugins.errors"), cycle);

    String toRunner = failure(() -> layers.layering().check(classes(Event.class, Failure.class, Mode.class, ModeCallingTheRunner.class,
        Runner.class)));
    assertTrue(toRunner.contains(ModeCallingTheRunner.class.getName()) && toRunner.contains(Runner.class.getName()), toRunner);
  }

  @Test
  void aClassOfTheRootNamedAsALayerOfItsOwnTakesItsArraysAlong(@TempDir Path dir) throws IOException {
    // An enum's values() returns an array of it, whose package is the root's: it stays with the enum.
    Path page = Files.writeString(dir.resolve("enum.md"), RuntimeLayers.BEGIN + "\n| 1 | `events` | events |\n"
        + "| 2 | `Mode` | the mode |\n| 3 | `errors`, `io.synapse.plugins` | errors; the rest of the root |\n| 4 | `Runner` | the entry point |\n" + RuntimeLayers.END + "\n");
    RuntimeLayers layers = RuntimeLayers.fromPage(page);
    layers.layering().check(classes(Event.class, Failure.class, Mode.class, Runner.class));
    layers.noCycles().check(classes(Event.class, Failure.class, Mode.class, Runner.class));
    String toRunner = failure(() -> layers.layering().check(classes(Event.class, Failure.class, Mode.class, ModeCallingTheRunner.class,
        Runner.class)));
    assertTrue(toRunner.contains(ModeCallingTheRunner.class.getName()), toRunner);
  }

  @Test
  void aPageWithoutATableOrWithAnEmptyRowIsAnError(@TempDir Path dir) throws IOException {
    Path none = Files.writeString(dir.resolve("none.md"), "# no table\n");
    assertTrue(assertThrows(IllegalStateException.class, () -> RuntimeLayers.fromPage(none)).getMessage().contains("no layer table"));
    Path empty = Files.writeString(dir.resolve("empty.md"), RuntimeLayers.BEGIN + "\n| 1 | nothing named | x |\n" + RuntimeLayers.END + "\n");
    assertTrue(assertThrows(IllegalStateException.class, () -> RuntimeLayers.fromPage(empty)).getMessage().contains("names no package"));
  }
}
