package io.synapse.plugins.architecture;

import org.junit.jupiter.api.Test;

/**
 * The boundary rules for a module that depends on the runtime, run on the module's own classes. A module
 * runs them with one small subclass in its tests:
 *
 * <pre>{@code
 * class KitsBoundariesTest extends ModuleBoundariesTest {
 *   KitsBoundariesTest() { super("io.synapse.plugins.kits.internal"); }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>no class (main or test) depends on another module's {@code internal} package;
 *   <li>no hand-written main class uses the spi beyond the two handles the public API hands out (tests may
 *       exercise generated binders through it);
 *   <li>the module's packages have no cycles (its main code's; a module of tests only, its tests'). Tests
 *       share packages with the code they test and may use test helpers from any package, so they are
 *       left out where there is main code.
 * </ul>
 */
public abstract class ModuleBoundariesTest {
  private final String[] ownInternalPackages;

  /** @param ownInternalPackages the module's own {@code internal} packages, which it may use */
  protected ModuleBoundariesTest(String... ownInternalPackages) {
    this.ownInternalPackages = ownInternalPackages.clone();
  }

  @Test
  public void usesNoOtherModulesInternals() {
    Boundaries.noForeignInternals(ownInternalPackages).check(ModuleClasses.mainAndTests());
  }

  @Test
  public void usesTheSpiOnlyThroughGeneratedCode() {
    Boundaries.spiOnlyThroughGeneratedCode().allowEmptyShould(true).check(ModuleClasses.main());
  }

  @Test
  public void hasNoPackageCycles() {
    Boundaries.packagesFreeOfCycles().check(ModuleClasses.mainOrElseTests());
  }
}
